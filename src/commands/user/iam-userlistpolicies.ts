import { listPoliciesCommand } from "../shared/inline-policy-commands.js";

export default listPoliciesCommand({
  name: "iam-userlistpolicies",
  kind: "user",
  example: "iam-userlistpolicies -u david -v",
});
