import { roleName } from "../shared/options.js";
import { attachPolicyCommand } from "../shared/attached-policies.js";

export default attachPolicyCommand({
  name: "iam-roleattachpolicy",
  kind: "role",
  entity: roleName(),
  example: "iam-roleattachpolicy -r webapp -a arn:aws:iam::123456789012:policy/ReadReports",
});
