import { listPoliciesCommand } from "../shared/inline-policy-commands.js";

export default listPoliciesCommand({
  name: "iam-rolelistpolicies",
  kind: "role",
  example: "iam-rolelistpolicies -r webserver -v",
});
