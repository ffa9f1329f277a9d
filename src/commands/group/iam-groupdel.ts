import { groupName, pretend, pretendNeedsRecursive, recursive } from "../shared/options.js";
import { recursiveDeleteCommand, whenPresent } from "../shared/recursive-delete.js";
import { DELETE_RULES } from "../../iam/delete-rules.js";

export default recursiveDeleteCommand({
  name: "iam-groupdel",
  summary: "Delete a group; with -r, first remove its members and policies.",
  rule: DELETE_RULES.DeleteGroup,
  euare: true,
  positional: true,
  options: [groupName(), recursive("first remove the group's members and delete or detach its policies"), pretend()],
  check: pretendNeedsRecursive,
  output: ["[with -r -p] users and policies sections (plus attachedpolicies when present), items tab-indented"],
  example: "iam-groupdel -g mygroup -r",
  // euca2ools' `users` and `policies` always, attached policies when present.
  sections: (found) => [
    ["users", found.users.map((u) => u.arn)],
    ["policies", found.policies],
    ...whenPresent([["attachedpolicies", found.attachedPolicies]]),
  ],
});
