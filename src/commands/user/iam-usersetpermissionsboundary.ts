import { userName } from "../shared/options.js";
import { setBoundaryCommand } from "../shared/permissions-boundaries.js";

export default setBoundaryCommand({
  name: "iam-usersetpermissionsboundary",
  kind: "user",
  entity: userName(),
  example: "iam-usersetpermissionsboundary -u david -b arn:aws:iam::123456789012:policy/dev-boundary",
});
