import type { Role } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { Roles: AsyncIterable<Role> }>({
  name: "iam-rolelistbypath",
  summary: "List the ARNs of the roles in the account, optionally only those under a path.",
  operations: ["ListRoles"],
  euare: true,
  options: [pathPrefix("roles")],
  output: ["one role ARN per line", "IsTruncated: false"],
  example: "iam-rolelistbypath -p /app/",
  run: async ({ iam }, { pathPrefix }) => ({
    Roles: items((Marker) => iam.listRoles({ PathPrefix: pathPrefix, Marker }), (page) => page.Roles),
  }),
  render: ({ Roles }) => streamedListLines(Roles, (r) => r.Arn),
});
