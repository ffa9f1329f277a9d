import { roleName } from "../../cli/options.js";
import { listAttachedPoliciesCommand } from "../../iam/attached-policies.js";

export default listAttachedPoliciesCommand({
  name: "iam-rolelistattachedpolicies",
  kind: "role",
  entity: roleName(),
  example: "iam-rolelistattachedpolicies -r webapp",
});
