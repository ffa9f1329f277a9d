import { instanceProfileName } from "../shared/options.js";
import { tagCommand } from "../shared/tagging.js";

export default tagCommand({
  name: "iam-instanceprofiletag",
  kind: "instance profile",
  entity: instanceProfileName(),
  example: 'iam-instanceprofiletag -s webserver -t team=ops -t "cost center=42"',
});
