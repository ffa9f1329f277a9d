import { defineCommand } from "../../core/define.js";
import { policyArn } from "../shared/options.js";
import { versionId } from "../../iam/managed-policies.js";

export default defineCommand({
  name: "iam-policydelversion",
  summary: "Delete a version of a managed policy other than the default one.",
  operations: ["DeletePolicyVersion"],
  options: [policyArn(), versionId("the version to delete, such as v2; not the default version")],
  example: "iam-policydelversion -a arn:aws:iam::123456789012:policy/ReadReports -s v1",
  async run({ iam }, { policyArn, versionId }) {
    await iam.deletePolicyVersion({ PolicyArn: policyArn, VersionId: versionId });
    return {};
  },
});
