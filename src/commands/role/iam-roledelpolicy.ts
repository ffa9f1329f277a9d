import { defineCommand } from "../../core/define.js";
import { policyName, roleName } from "../shared/options.js";

export default defineCommand<{ roleName: string; policyName: string }>({
  name: "iam-roledelpolicy",
  summary: "Remove one of a role's inline policies.",
  operations: ["DeleteRolePolicy"],
  euare: true,
  positional: "roleName",
  options: [roleName(), policyName()],
  example: "iam-roledelpolicy -r webserver -p ReadLogs",
  async run({ iam }, { roleName, policyName }) {
    await iam.deleteRolePolicy({ RoleName: roleName, PolicyName: policyName });
    return {};
  },
});
