import { defineCommand } from "../../core/define.js";
import { groupName, newName, newNameOrPath, newPath } from "../shared/options.js";

export default defineCommand({
  name: "iam-groupmod",
  summary: "Rename a group, move it to another path, or both.",
  operations: ["UpdateGroup"],
  euare: true,
  positional: "groupName",
  options: [groupName(), newName("group", "new-group-name"), newPath("group")],
  check: newNameOrPath,
  example: "iam-groupmod -g Admin -n Administrators -p /staff/",
  async run({ iam }, { groupName, newName, newPath }) {
    await iam.updateGroup({ GroupName: groupName, NewGroupName: newName, NewPath: newPath });
    return {};
  },
});
