import type { Role } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { pathPrefix, maxItems } from "../shared/options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string; maxItems?: number }, { Roles: AsyncIterable<Role> }>({
  name: "iam-rolelistbypath",
  summary: "List the ARNs of the roles in the account, optionally only those under a path.",
  operations: ["ListRoles"],
  euare: true,
  options: [pathPrefix("roles"), maxItems({ accountWide: true })],
  output: ["one role ARN per line", "IsTruncated: false"],
  example: "iam-rolelistbypath -p /app/",
  run: async ({ iam }, { pathPrefix, maxItems }) => ({
    Roles: items((Marker, MaxItems) => iam.listRoles({ PathPrefix: pathPrefix, Marker, MaxItems }), (page) => page.Roles, maxItems ?? ACCOUNT_WIDE_PAGE_SIZE),
  }),
  render: ({ Roles }) => streamedListLines(Roles, (r) => r.Arn),
});
