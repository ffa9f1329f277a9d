import { addPolicyCommand } from "../shared/inline-policy-commands.js";

export default addPolicyCommand({
  name: "iam-groupaddpolicy",
  kind: "group",
  example: "iam-groupaddpolicy -g Admin -p AdminAll -e Allow -a '*' -r '*' -o",
});
