import { addPolicyCommand } from "../shared/inline-policy-commands.js";

export default addPolicyCommand({
  name: "iam-roleaddpolicy",
  kind: "role",
  example: "iam-roleaddpolicy -r webserver -p ReadLogs -e Allow -a 's3:GetObject' -c 'arn:aws:s3:::logs/*' -o",
});
