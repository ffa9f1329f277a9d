import { delPolicyCommand } from "../shared/inline-policy-commands.js";

export default delPolicyCommand({
  name: "iam-roledelpolicy",
  kind: "role",
  example: "iam-roledelpolicy -r webserver -p ReadLogs",
});
