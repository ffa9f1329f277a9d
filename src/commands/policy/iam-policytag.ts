import { policyArn } from "../shared/options.js";
import { tagCommand } from "../shared/tagging.js";

export default tagCommand({
  name: "iam-policytag",
  kind: "policy",
  entity: policyArn(),
  example: 'iam-policytag -a arn:aws:iam::123456789012:policy/s3-read -t team=ops -t "cost center=42"',
});
