import { uploadPolicyCommand } from "../shared/inline-policy-commands.js";

export default uploadPolicyCommand({
  name: "iam-groupuploadpolicy",
  kind: "group",
  example: "iam-groupuploadpolicy -g Admin -p AdminGroupPolicy -f AdminGroupPolicy.json",
  summary: "Attach an inline policy document to a group, replacing a policy of the same name.",
});
