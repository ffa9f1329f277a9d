import { policyVersionCommand } from "../shared/request-families.js";

export default policyVersionCommand({
  name: "iam-policydelversion",
  summary: "Delete a version of a managed policy other than the default one.",
  operation: "DeletePolicyVersion",
  describe: { versionId: "the version to delete, such as v2; not the default version" },
  example: "iam-policydelversion -a arn:aws:iam::123456789012:policy/ReadReports -s v1",
});
