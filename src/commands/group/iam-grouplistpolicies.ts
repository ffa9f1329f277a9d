import { listPoliciesCommand } from "../shared/inline-policy-commands.js";

export default listPoliciesCommand({
  name: "iam-grouplistpolicies",
  kind: "group",
  example: "iam-grouplistpolicies -g Admin",
});
