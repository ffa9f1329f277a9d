import { defineCommand } from "../../core/define.js";
import { groupName, pretend, pretendNeedsRecursive, recursive } from "../shared/options.js";
import { deleteGroupRecursively,
  findGroupAttachments,
  groupSections } from "../../iam/group-attachments.js";
import { sectionLines } from "../../output/print.js";

export default defineCommand({
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
  positional: "groupName",
  options: [groupName(), recursive("first remove the group's members and delete or detach its policies"), pretend()],
  check: pretendNeedsRecursive,
  output: ["[with -r -p] users and policies sections (plus attachedpolicies when present), items tab-indented"],
  example: "iam-groupdel -g mygroup -r",

  async run({ iam }, { groupName, recursive, pretend }) {
    if (!recursive) {
      await iam.deleteGroup({ GroupName: groupName });
      return {};
    }
    const attachments = await findGroupAttachments(iam, groupName);
    if (pretend) return { Pretend: attachments };
    await deleteGroupRecursively(iam, groupName, attachments);
    return { Removed: attachments };
  },

  render: (result) => (result.Pretend ? sectionLines(groupSections(result.Pretend)) : []),
});
