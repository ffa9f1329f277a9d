import { listByPathCommand } from "../shared/list-by-path-commands.js";

export default listByPathCommand({
  name: "iam-grouplistbypath",
  kind: "group",
  example: "iam-grouplistbypath -p /staff/",
});
