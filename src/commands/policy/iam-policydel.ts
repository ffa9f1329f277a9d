import { policyArn, pretend, pretendNeedsRecursive, recursive } from "../shared/options.js";
import { recursiveDeleteCommand, whenPresent } from "../shared/recursive-delete.js";
import { DELETE_RULES } from "../../iam/delete-rules.js";
import { entitySections } from "../../iam/managed-policies.js";

export default recursiveDeleteCommand({
  name: "iam-policydel",
  summary:
    "Delete a customer managed policy; with -r, first detach it everywhere, remove it as a permissions boundary and delete its other versions.",
  rule: DELETE_RULES.DeletePolicy,
  options: [
    policyArn(),
    recursive(
      "first detach the policy from every user, group and role, remove it from the users and roles whose permissions boundary it is, and delete its non-default versions",
    ),
    pretend(),
  ],
  check: pretendNeedsRecursive,
  output: [
    "[with -r -p] users, groups, roles sections (names the policy is attached to), boundaryusers and boundaryroles (names whose permissions boundary it is, when any) and versions (non-default version ids), items tab-indented",
  ],
  example: "iam-policydel -a arn:aws:iam::123456789012:policy/ReadReports -r",

  // The attachment sections, the boundary uses when there are any (so output for a policy used only by attachment stays as it was), then `versions`.
  sections: (found) => [
    ...entitySections(found),
    ...whenPresent([
      ["boundaryusers", found.BoundaryUsers.map((u) => u.UserName!)],
      ["boundaryroles", found.BoundaryRoles.map((r) => r.RoleName!)],
    ]),
    ["versions", found.Versions],
  ],
});
