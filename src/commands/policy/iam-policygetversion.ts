import { defineCommand } from "../../core/define.js";
import { policyArn } from "../shared/options.js";
import { documentLines } from "../../iam/inline-policies.js";
import { decodedVersion, versionId } from "../../iam/managed-policies.js";

export default defineCommand({
  name: "iam-policygetversion",
  summary: "Print the document of one version of a managed policy, by default the version in force.",
  operations: ["GetPolicyVersion", "GetPolicy"],
  options: [policyArn(), { ...versionId("the policy version, such as v2 (default: the default version)"), required: false }],
  output: ["the policy document, line for line as stored"],
  example: "iam-policygetversion -a arn:aws:iam::123456789012:policy/ReadReports -s v2",
  async run({ iam }, { policyArn, versionId }) {
    const VersionId = versionId ?? (await iam.getPolicy({ PolicyArn: policyArn })).Policy!.DefaultVersionId!;
    const { PolicyVersion } = await iam.getPolicyVersion({ PolicyArn: policyArn, VersionId });
    return { PolicyVersion: decodedVersion(PolicyVersion!) };
  },
  render: ({ PolicyVersion }) => documentLines(PolicyVersion.Document),
});
