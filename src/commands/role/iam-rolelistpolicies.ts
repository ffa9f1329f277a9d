import { defineCommand } from "../../core/define.js";
import { roleName, verbose, maxItems } from "../shared/options.js";
import { listInlinePolicies, renderInlinePolicyList, type InlinePolicyList } from "../../iam/inline-policies.js";

export default defineCommand<{ roleName: string; verbose?: boolean; maxItems?: number }, InlinePolicyList>({
  name: "iam-rolelistpolicies",
  summary: "List the names of a role's inline policies, optionally with their documents.",
  operations: ["ListRolePolicies", "GetRolePolicy"],
  euare: true,
  positional: "roleName",
  options: [roleName(), verbose("also print each policy's document after its name"), maxItems()],
  output: ["one policy name per line, each followed by its document with -v", "IsTruncated: false"],
  example: "iam-rolelistpolicies -r webserver -v",
  run: ({ iam }, { roleName, verbose, maxItems }) =>
    listInlinePolicies(
      (Marker, MaxItems) => iam.listRolePolicies({ RoleName: roleName, Marker, MaxItems }),
      verbose ? (PolicyName) => iam.getRolePolicy({ RoleName: roleName, PolicyName }) : undefined,
      maxItems,
    ),
  render: renderInlinePolicyList,
});
