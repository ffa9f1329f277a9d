import type { GetGroupPolicyResponse } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { groupName, policyName } from "../shared/options.js";
import { documentLines, withDecodedDocument } from "../../iam/inline-policies.js";

export default defineCommand<{ groupName: string; policyName: string }, GetGroupPolicyResponse & { PolicyDocument: string }>({
  name: "iam-groupgetpolicy",
  summary: "Print the document of one of a group's inline policies, as it was written.",
  operations: ["GetGroupPolicy"],
  euare: true,
  positional: "groupName",
  options: [groupName(), policyName()],
  output: ["the policy document, line for line as stored"],
  example: "iam-groupgetpolicy -g Admin -p AdminGroupPolicy",
  run: async ({ iam }, { groupName, policyName }) =>
    withDecodedDocument(await iam.getGroupPolicy({ GroupName: groupName, PolicyName: policyName })),
  render: ({ PolicyDocument }) => documentLines(PolicyDocument),
});
