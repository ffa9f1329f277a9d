import { groupName } from "../shared/options.js";
import { renameCommand } from "../shared/rename-commands.js";

export default renameCommand({
  name: "iam-groupmod",
  kind: "group",
  entity: groupName(),
  example: "iam-groupmod -g Admin -n Administrators -p /staff/",
});
