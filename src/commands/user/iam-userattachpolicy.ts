import { userName } from "../../cli/options.js";
import { attachPolicyCommand } from "../../iam/attached-policies.js";

export default attachPolicyCommand({
  name: "iam-userattachpolicy",
  kind: "user",
  entity: userName(),
  example: "iam-userattachpolicy -u david -a arn:aws:iam::123456789012:policy/ReadReports",
});
