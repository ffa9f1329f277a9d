import { defineCommand } from "../../core/define.js";
import { roleName } from "../shared/options.js";
import { roleLines, withDecodedTrustPolicy } from "../shared/trust-policy.js";

export default defineCommand({
  name: "iam-rolegetattributes",
  summary: "Show a role's ARN, id and trust policy.",
  operations: ["GetRole"],
  euare: true,
  positional: "roleName",
  options: [roleName()],
  output: ["role ARN", "role id", "the trust policy, line for line as stored"],
  example: "iam-rolegetattributes -r webserver",
  run: async ({ iam }, { roleName }) => ({ Role: withDecodedTrustPolicy((await iam.getRole({ RoleName: roleName })).Role!) }),
  render: ({ Role }) => roleLines(Role),
});
