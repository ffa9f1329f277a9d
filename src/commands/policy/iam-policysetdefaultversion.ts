import { defineCommand } from "../../core/define.js";
import { policyArn } from "../shared/options.js";
import { versionId } from "../../iam/managed-policies.js";

export default defineCommand({
  name: "iam-policysetdefaultversion",
  summary: "Make one version of a managed policy the one IAM enforces.",
  operations: ["SetDefaultPolicyVersion"],
  options: [policyArn(), versionId("the version to put in force, such as v2")],
  example: "iam-policysetdefaultversion -a arn:aws:iam::123456789012:policy/ReadReports -s v1",
  async run({ iam }, { policyArn, versionId }) {
    await iam.setDefaultPolicyVersion({ PolicyArn: policyArn, VersionId: versionId });
    return {};
  },
});
