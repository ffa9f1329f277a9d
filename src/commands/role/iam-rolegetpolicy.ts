import type { GetRolePolicyResponse } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { policyName, roleName } from "../shared/options.js";
import { documentLines, withDecodedDocument } from "../../iam/inline-policies.js";

export default defineCommand<{ roleName: string; policyName: string }, GetRolePolicyResponse & { PolicyDocument: string }>({
  name: "iam-rolegetpolicy",
  summary: "Print the document of one of a role's inline policies, as it was written.",
  operations: ["GetRolePolicy"],
  euare: true,
  positional: "roleName",
  options: [roleName(), policyName()],
  output: ["the policy document, line for line as stored"],
  example: "iam-rolegetpolicy -r webserver -p ReadLogs",
  run: async ({ iam }, { roleName, policyName }) =>
    withDecodedDocument(await iam.getRolePolicy({ RoleName: roleName, PolicyName: policyName })),
  render: ({ PolicyDocument }) => documentLines(PolicyDocument),
});
