import type { Role } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { collect } from "../../iam/paginate.js";
import { listLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { Roles: Role[] }>({
  name: "iam-rolelistbypath",
  summary: "List the ARNs of the roles in the account, optionally only those under a path.",
  operations: ["ListRoles"],
  euare: true,
  options: [pathPrefix("roles")],
  output: ["one role ARN per line", "IsTruncated: false"],
  example: "iam-rolelistbypath -p /app/",
  run: async ({ iam }, { pathPrefix }) => ({
    Roles: await collect((Marker) => iam.listRoles({ PathPrefix: pathPrefix, Marker }), (page) => page.Roles),
  }),
  render: ({ Roles }) => listLines(Roles.map((r) => r.Arn)),
});
