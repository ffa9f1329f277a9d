import { userName } from "../../cli/options.js";
import { listAttachedPoliciesCommand } from "../../iam/attached-policies.js";

export default listAttachedPoliciesCommand({
  name: "iam-userlistattachedpolicies",
  kind: "user",
  entity: userName(),
  example: "iam-userlistattachedpolicies -u david",
});
