import { groupName } from "../../cli/options.js";
import { listAttachedPoliciesCommand } from "../../iam/attached-policies.js";

export default listAttachedPoliciesCommand({
  name: "iam-grouplistattachedpolicies",
  kind: "group",
  entity: groupName(),
  example: "iam-grouplistattachedpolicies -g Admin",
});
