import { getPolicyCommand } from "../shared/inline-policy-commands.js";

export default getPolicyCommand({
  name: "iam-usergetpolicy",
  kind: "user",
  example: "iam-usergetpolicy -u david -p ReadReports",
});
