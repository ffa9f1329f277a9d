import { listByPathCommand } from "../shared/list-by-path-commands.js";

export default listByPathCommand({
  name: "iam-servercertlistbypath",
  kind: "server certificate",
  example: "iam-servercertlistbypath -p /cloudfront/",
  summary: "List the ARNs of the account's server certificates, optionally only those under a path.",
});
