import { userName } from "../shared/options.js";
import { delBoundaryCommand } from "../shared/permissions-boundaries.js";

export default delBoundaryCommand({
  name: "iam-userdelpermissionsboundary",
  kind: "user",
  entity: userName(),
  example: "iam-userdelpermissionsboundary -u david",
});
