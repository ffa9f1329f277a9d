import { policyArn } from "../shared/options.js";
import { listTagsCommand } from "../shared/tagging.js";

export default listTagsCommand({
  name: "iam-policylisttags",
  kind: "policy",
  entity: policyArn(),
  example: "iam-policylisttags -a arn:aws:iam::123456789012:policy/s3-read",
});
