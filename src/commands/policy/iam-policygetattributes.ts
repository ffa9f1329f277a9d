import { defineCommand } from "../../core/define.js";
import { policyArn } from "../shared/options.js";
import { keyValueLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-policygetattributes",
  summary: "Show a managed policy's ARN and id, its default version and how many entities it is attached to.",
  operations: ["GetPolicy"],
  options: [policyArn()],
  output: ["policy ARN", "policy id", "DefaultVersionId: <version id>", "AttachmentCount: <users, groups and roles>"],
  example: "iam-policygetattributes -a arn:aws:iam::123456789012:policy/ReadReports",
  run: async ({ iam }, { policyArn }) => ({ Policy: (await iam.getPolicy({ PolicyArn: policyArn })).Policy! }),
  render: ({ Policy }) => [
    Policy.Arn!,
    Policy.PolicyId!,
    ...keyValueLines([
      ["DefaultVersionId", Policy.DefaultVersionId],
      ["AttachmentCount", Policy.AttachmentCount],
    ]),
  ],
});
