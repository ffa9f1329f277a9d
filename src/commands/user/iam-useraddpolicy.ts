import { addPolicyCommand } from "../shared/inline-policy-commands.js";

export default addPolicyCommand({
  name: "iam-useraddpolicy",
  kind: "user",
  example: "iam-useraddpolicy -u david -p S3Everything -e Allow -a 's3:*' -r 'arn:aws:s3:::*' -o",
});
