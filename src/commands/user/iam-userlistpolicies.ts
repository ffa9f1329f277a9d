import { defineCommand } from "../../core/define.js";
import { userName, verbose, maxItems } from "../shared/options.js";
import { listInlinePolicies, renderInlinePolicyList, type InlinePolicyList } from "../../iam/inline-policies.js";

export default defineCommand<{ userName: string; verbose?: boolean; maxItems?: number }, InlinePolicyList>({
  name: "iam-userlistpolicies",
  summary: "List the names of a user's inline policies, optionally with their documents.",
  operations: ["ListUserPolicies", "GetUserPolicy"],
  euare: true,
  positional: "userName",
  options: [userName(), verbose("also print each policy's document after its name"), maxItems()],
  output: ["one policy name per line, each followed by its document with -v", "IsTruncated: false"],
  example: "iam-userlistpolicies -u david -v",
  run: ({ iam }, { userName, verbose, maxItems }) =>
    listInlinePolicies(
      (Marker, MaxItems) => iam.listUserPolicies({ UserName: userName, Marker, MaxItems }),
      verbose ? (PolicyName) => iam.getUserPolicy({ UserName: userName, PolicyName }) : undefined,
      maxItems,
    ),
  render: renderInlinePolicyList,
});
