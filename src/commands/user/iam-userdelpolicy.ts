import { delPolicyCommand } from "../shared/inline-policy-commands.js";

export default delPolicyCommand({
  name: "iam-userdelpolicy",
  kind: "user",
  example: "iam-userdelpolicy -u david -p ReadReports",
});
