import { listByPathCommand } from "../shared/list-by-path-commands.js";

export default listByPathCommand({
  name: "iam-userlistbypath",
  kind: "user",
  example: "iam-userlistbypath -p /app/",
});
