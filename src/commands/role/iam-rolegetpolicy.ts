import { getPolicyCommand } from "../shared/inline-policy-commands.js";

export default getPolicyCommand({
  name: "iam-rolegetpolicy",
  kind: "role",
  example: "iam-rolegetpolicy -r webserver -p ReadLogs",
});
