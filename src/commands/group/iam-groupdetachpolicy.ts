import { groupName } from "../shared/options.js";
import { detachPolicyCommand } from "../shared/attached-policies.js";

export default detachPolicyCommand({
  name: "iam-groupdetachpolicy",
  kind: "group",
  entity: groupName(),
  example: "iam-groupdetachpolicy -g Admin -a arn:aws:iam::123456789012:policy/ReadReports",
});
