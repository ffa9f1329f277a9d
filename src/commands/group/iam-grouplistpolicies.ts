import { defineCommand } from "../../core/define.js";
import { groupName, verbose, maxItems } from "../shared/options.js";
import { listInlinePolicies, renderInlinePolicyList, type InlinePolicyList } from "../../iam/inline-policies.js";

export default defineCommand<{ groupName: string; verbose?: boolean; maxItems?: number }, InlinePolicyList>({
  name: "iam-grouplistpolicies",
  summary: "List the names of a group's inline policies, optionally with their documents.",
  operations: ["ListGroupPolicies", "GetGroupPolicy"],
  euare: true,
  positional: "groupName",
  options: [groupName(), verbose("also print each policy's document after its name"), maxItems()],
  output: ["one policy name per line, each followed by its document with -v", "IsTruncated: false"],
  example: "iam-grouplistpolicies -g Admin",
  run: ({ iam }, { groupName, verbose, maxItems }) =>
    listInlinePolicies(
      (Marker, MaxItems) => iam.listGroupPolicies({ GroupName: groupName, Marker, MaxItems }),
      verbose ? (PolicyName) => iam.getGroupPolicy({ GroupName: groupName, PolicyName }) : undefined,
      maxItems,
    ),
  render: renderInlinePolicyList,
});
