import type { GetUserPolicyResponse } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { policyName, userName } from "../shared/options.js";
import { documentLines, withDecodedDocument } from "../../iam/inline-policies.js";

export default defineCommand<{ userName: string; policyName: string }, GetUserPolicyResponse & { PolicyDocument: string }>({
  name: "iam-usergetpolicy",
  summary: "Print the document of one of a user's inline policies, as it was written.",
  operations: ["GetUserPolicy"],
  euare: true,
  positional: "userName",
  options: [userName(), policyName()],
  output: ["the policy document, line for line as stored"],
  example: "iam-usergetpolicy -u david -p ReadReports",
  run: async ({ iam }, { userName, policyName }) =>
    withDecodedDocument(await iam.getUserPolicy({ UserName: userName, PolicyName: policyName })),
  render: ({ PolicyDocument }) => documentLines(PolicyDocument),
});
