import { groupName } from "../../cli/options.js";
import { detachPolicyCommand } from "../../iam/attached-policies.js";

export default detachPolicyCommand({
  name: "iam-groupdetachpolicy",
  kind: "group",
  entity: groupName(),
  example: "iam-groupdetachpolicy -g Admin -a arn:aws:iam::123456789012:policy/ReadReports",
});
