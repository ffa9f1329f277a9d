import { userName } from "../shared/options.js";
import { tagCommand } from "../shared/tagging.js";

export default tagCommand({
  name: "iam-usertag",
  kind: "user",
  entity: userName(),
  example: 'iam-usertag -u david -t team=ops -t "cost center=42"',
});
