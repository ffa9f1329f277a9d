import { defineCommand } from "../../cli/define.js";
import { groupName, verbose } from "../../cli/options.js";
import { listInlinePolicies, renderInlinePolicyList, type InlinePolicyList } from "../../iam/inline-policies.js";

export default defineCommand<{ groupName: string; verbose?: boolean }, InlinePolicyList>({
  name: "iam-grouplistpolicies",
  summary: "List the names of a group's inline policies, optionally with their documents.",
  operations: ["ListGroupPolicies", "GetGroupPolicy"],
  euare: true,
  positional: "groupName",
  options: [groupName(), verbose("also print each policy's document after its name")],
  output: ["one policy name per line, each followed by its document with -v", "IsTruncated: false"],
  example: "iam-grouplistpolicies -g Admin",
  run: ({ iam }, { groupName, verbose }) =>
    listInlinePolicies(
      (Marker) => iam.listGroupPolicies({ GroupName: groupName, Marker }),
      verbose ? (PolicyName) => iam.getGroupPolicy({ GroupName: groupName, PolicyName }) : undefined,
    ),
  render: renderInlinePolicyList,
});
