import { userName } from "../shared/options.js";
import { listAttachedPoliciesCommand } from "../shared/attached-policies.js";

export default listAttachedPoliciesCommand({
  name: "iam-userlistattachedpolicies",
  kind: "user",
  entity: userName(),
  example: "iam-userlistattachedpolicies -u david",
});
