import { roleName } from "../shared/options.js";
import { tagCommand } from "../shared/tagging.js";

export default tagCommand({
  name: "iam-roletag",
  kind: "role",
  entity: roleName(),
  example: 'iam-roletag -r webserver -t team=ops -t "cost center=42"',
});
