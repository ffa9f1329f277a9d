import type { User } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { Users: AsyncIterable<User> }>({
  name: "iam-userlistbypath",
  summary: "List the ARNs of the users in the account, optionally only those under a path.",
  operations: ["ListUsers"],
  euare: true,
  options: [pathPrefix("users")],
  output: ["one user ARN per line", "IsTruncated: false"],
  example: "iam-userlistbypath -p /app/",
  run: async ({ iam }, { pathPrefix }) => ({
    Users: items((Marker) => iam.listUsers({ PathPrefix: pathPrefix, Marker }), (page) => page.Users),
  }),
  render: ({ Users }) => streamedListLines(Users, (u) => u.Arn),
});
