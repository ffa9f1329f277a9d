import { policyVersionCommand } from "../shared/request-families.js";

export default policyVersionCommand({
  name: "iam-policysetdefaultversion",
  summary: "Make one version of a managed policy the one IAM enforces.",
  operation: "SetDefaultPolicyVersion",
  describe: { versionId: "the version to put in force, such as v2" },
  example: "iam-policysetdefaultversion -a arn:aws:iam::123456789012:policy/ReadReports -s v1",
});
