import { defineCommand } from "../../core/define.js";
import { groupName, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-groupremoveuser",
  summary: "Take a user out of a group; the user itself is kept.",
  operations: ["RemoveUserFromGroup"],
  euare: true,
  positional: "groupName",
  options: [groupName(), userName()],
  example: "iam-groupremoveuser -g Admin -u david",
  async run({ iam }, { groupName, userName }) {
    await iam.removeUserFromGroup({ GroupName: groupName, UserName: userName });
    return {};
  },
});
