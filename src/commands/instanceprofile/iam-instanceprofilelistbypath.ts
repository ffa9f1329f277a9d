import { listByPathCommand } from "../shared/list-by-path-commands.js";

export default listByPathCommand({
  name: "iam-instanceprofilelistbypath",
  kind: "instance profile",
  example: "iam-instanceprofilelistbypath -p /web/",
  summary: "List the ARNs of the account's instance profiles, optionally only those under a path.",
});
