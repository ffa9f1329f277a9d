import { groupName, pretend, pretendNeedsRecursive, recursive } from "../shared/options.js";
import { recursiveDeleteCommand } from "../shared/recursive-delete.js";
import { deleteGroupRecursively, findGroupAttachments, groupSections } from "../../iam/group-attachments.js";

export default recursiveDeleteCommand({
  name: "iam-groupdel",
  summary: "Delete a group; with -r, first remove its members and policies.",
  operations: [
    "DeleteGroup",
    "GetGroup",
    "RemoveUserFromGroup",
    "ListGroupPolicies",
    "DeleteGroupPolicy",
    "ListAttachedGroupPolicies",
    "DetachGroupPolicy",
  ],
  euare: true,
  positional: true,
  options: [groupName(), recursive("first remove the group's members and delete or detach its policies"), pretend()],
  check: pretendNeedsRecursive,
  output: ["[with -r -p] users and policies sections (plus attachedpolicies when present), items tab-indented"],
  example: "iam-groupdel -g mygroup -r",
  deleteOne: (iam, GroupName) => iam.deleteGroup({ GroupName }),
  find: findGroupAttachments,
  deleteWith: deleteGroupRecursively,
  sections: groupSections,
});
