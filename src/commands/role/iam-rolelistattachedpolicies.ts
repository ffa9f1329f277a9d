import { roleName } from "../shared/options.js";
import { listAttachedPoliciesCommand } from "../shared/attached-policies.js";

export default listAttachedPoliciesCommand({
  name: "iam-rolelistattachedpolicies",
  kind: "role",
  entity: roleName(),
  example: "iam-rolelistattachedpolicies -r webapp",
});
