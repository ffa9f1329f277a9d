import { roleName } from "../shared/options.js";
import { delBoundaryCommand } from "../shared/permissions-boundaries.js";

export default delBoundaryCommand({
  name: "iam-roledelpermissionsboundary",
  kind: "role",
  entity: roleName(),
  example: "iam-roledelpermissionsboundary -r webserver",
});
