import { groupName } from "../shared/options.js";
import { listAttachedPoliciesCommand } from "../shared/attached-policies.js";

export default listAttachedPoliciesCommand({
  name: "iam-grouplistattachedpolicies",
  kind: "group",
  entity: groupName(),
  example: "iam-grouplistattachedpolicies -g Admin",
});
