import { uploadPolicyCommand } from "../shared/inline-policy-commands.js";

export default uploadPolicyCommand({
  name: "iam-roleuploadpolicy",
  kind: "role",
  example: "iam-roleuploadpolicy -r webserver -p ReadLogs -f read-logs.json",
});
