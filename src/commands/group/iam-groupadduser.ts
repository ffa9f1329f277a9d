import { defineCommand } from "../../core/define.js";
import { groupName, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-groupadduser",
  summary: "Make a user a member of a group.",
  operations: ["AddUserToGroup"],
  euare: true,
  positional: "groupName",
  options: [groupName(), userName()],
  example: "iam-groupadduser -g Admin -u david",
  async run({ iam }, { groupName, userName }) {
    await iam.addUserToGroup({ GroupName: groupName, UserName: userName });
    return {};
  },
});
