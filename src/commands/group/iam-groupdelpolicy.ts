import { delPolicyCommand } from "../shared/inline-policy-commands.js";

export default delPolicyCommand({
  name: "iam-groupdelpolicy",
  kind: "group",
  example: "iam-groupdelpolicy -g Admin -p AdminGroupPolicy",
});
