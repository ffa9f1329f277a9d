import { defineCommand } from "../../core/define.js";
import { groupName, pretend, pretendNeedsRecursive, recursive } from "../shared/options.js";
import {
  deleteGroupRecursively,
  findGroupAttachments,
  groupSections,
  type GroupAttachments,
} from "../../iam/group-attachments.js";
import { sectionLines } from "../../output/print.js";
import { combined, deleteWithDependents } from "../../iam/dependents.js";

interface Options {
  groupName: string;
  recursive?: boolean;
  pretend?: boolean;
}

export default defineCommand<Options, { Pretend?: GroupAttachments; Removed?: GroupAttachments }>({
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
    const find = () => findGroupAttachments(iam, groupName);
    if (pretend) return { Pretend: await find() };
    return { Removed: combined(await deleteWithDependents(find, (found) => deleteGroupRecursively(iam, groupName, found))) };
  },

  render: (result) => (result.Pretend ? sectionLines(groupSections(result.Pretend)) : []),
});
