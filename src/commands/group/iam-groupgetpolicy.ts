import { getPolicyCommand } from "../shared/inline-policy-commands.js";

export default getPolicyCommand({
  name: "iam-groupgetpolicy",
  kind: "group",
  example: "iam-groupgetpolicy -g Admin -p AdminGroupPolicy",
});
