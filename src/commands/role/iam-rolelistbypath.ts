import { listByPathCommand } from "../shared/list-by-path-commands.js";

export default listByPathCommand({
  name: "iam-rolelistbypath",
  kind: "role",
  example: "iam-rolelistbypath -p /app/",
});
