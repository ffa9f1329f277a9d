import { roleName } from "../shared/options.js";
import { detachPolicyCommand } from "../shared/attached-policies.js";

export default detachPolicyCommand({
  name: "iam-roledetachpolicy",
  kind: "role",
  entity: roleName(),
  example: "iam-roledetachpolicy -r webapp -a arn:aws:iam::123456789012:policy/ReadReports",
});
