import { groupName } from "../shared/options.js";
import { attachPolicyCommand } from "../shared/attached-policies.js";

export default attachPolicyCommand({
  name: "iam-groupattachpolicy",
  kind: "group",
  entity: groupName(),
  example: "iam-groupattachpolicy -g Admin -a arn:aws:iam::123456789012:policy/ReadReports",
});
