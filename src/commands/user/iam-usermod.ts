import { defineCommand } from "../../core/define.js";
import { newName, newNameOrPath, newPath, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-usermod",
  summary: "Rename a user, move it to another path, or both.",
  operations: ["UpdateUser"],
  euare: true,
  positional: "userName",
  options: [userName(), newName("user", "new-user-name"), newPath("user")],
  check: newNameOrPath,
  example: "iam-usermod -u david -n dave -p /staff/",
  async run({ iam }, { userName, newName, newPath }) {
    await iam.updateUser({ UserName: userName, NewUserName: newName, NewPath: newPath });
    return {};
  },
});
