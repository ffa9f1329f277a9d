import { roleName } from "../shared/options.js";
import { setBoundaryCommand } from "../shared/permissions-boundaries.js";

export default setBoundaryCommand({
  name: "iam-rolesetpermissionsboundary",
  kind: "role",
  entity: roleName(),
  example: "iam-rolesetpermissionsboundary -r webserver -b arn:aws:iam::123456789012:policy/app-boundary",
});
