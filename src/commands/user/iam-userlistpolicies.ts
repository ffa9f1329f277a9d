import { listPoliciesCommand } from "../inline-policy-commands.js";

export default listPoliciesCommand({
  name: "iam-userlistpolicies",
  kind: "user",
  example: "iam-userlistpolicies -u david -v",
});
