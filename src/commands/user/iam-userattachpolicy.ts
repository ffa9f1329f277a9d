import { userName } from "../shared/options.js";
import { attachPolicyCommand } from "../shared/attached-policies.js";

export default attachPolicyCommand({
  name: "iam-userattachpolicy",
  kind: "user",
  entity: userName(),
  example: "iam-userattachpolicy -u david -a arn:aws:iam::123456789012:policy/ReadReports",
});
