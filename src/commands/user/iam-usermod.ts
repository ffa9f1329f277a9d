import { userName } from "../shared/options.js";
import { renameCommand } from "../shared/rename-commands.js";

export default renameCommand({
  name: "iam-usermod",
  kind: "user",
  entity: userName(),
  example: "iam-usermod -u david -n dave -p /staff/",
});
