import { defineCommand } from "../../cli/define.js";
import { roleName, verbose } from "../../cli/options.js";
import { listInlinePolicies, renderInlinePolicyList, type InlinePolicyList } from "../../iam/inline-policies.js";

export default defineCommand<{ roleName: string; verbose?: boolean }, InlinePolicyList>({
  name: "iam-rolelistpolicies",
  summary: "List the names of a role's inline policies, optionally with their documents.",
  operations: ["ListRolePolicies", "GetRolePolicy"],
  euare: true,
  positional: "roleName",
  options: [roleName(), verbose("also print each policy's document after its name")],
  output: ["one policy name per line, each followed by its document with -v", "IsTruncated: false"],
  example: "iam-rolelistpolicies -r webserver -v",
  run: ({ iam }, { roleName, verbose }) =>
    listInlinePolicies(
      (Marker) => iam.listRolePolicies({ RoleName: roleName, Marker }),
      verbose ? (PolicyName) => iam.getRolePolicy({ RoleName: roleName, PolicyName }) : undefined,
    ),
  render: renderInlinePolicyList,
});
