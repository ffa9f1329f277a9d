import type { User } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { pathPrefix, maxItems } from "../shared/options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string; maxItems?: number }, { Users: AsyncIterable<User> }>({
  name: "iam-userlistbypath",
  summary: "List the ARNs of the users in the account, optionally only those under a path.",
  operations: ["ListUsers"],
  euare: true,
  options: [pathPrefix("users"), maxItems({ accountWide: true })],
  output: ["one user ARN per line", "IsTruncated: false"],
  example: "iam-userlistbypath -p /app/",
  run: async ({ iam }, { pathPrefix, maxItems }) => ({
    Users: items((Marker, MaxItems) => iam.listUsers({ PathPrefix: pathPrefix, Marker, MaxItems }), (page) => page.Users, maxItems ?? ACCOUNT_WIDE_PAGE_SIZE),
  }),
  render: ({ Users }) => streamedListLines(Users, (u) => u.Arn),
});
