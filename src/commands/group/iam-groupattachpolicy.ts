import { groupName } from "../../cli/options.js";
import { attachPolicyCommand } from "../../iam/attached-policies.js";

export default attachPolicyCommand({
  name: "iam-groupattachpolicy",
  kind: "group",
  entity: groupName(),
  example: "iam-groupattachpolicy -g Admin -a arn:aws:iam::123456789012:policy/ReadReports",
});
