import { policyArn } from "../shared/options.js";
import { untagCommand } from "../shared/tagging.js";

export default untagCommand({
  name: "iam-policyuntag",
  kind: "policy",
  entity: policyArn(),
  example: "iam-policyuntag -a arn:aws:iam::123456789012:policy/s3-read -k team",
});
