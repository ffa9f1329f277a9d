import { userName } from "../../cli/options.js";
import { tagCommand } from "../../iam/tagging.js";

export default tagCommand({
  name: "iam-usertag",
  kind: "user",
  entity: userName(),
  example: 'iam-usertag -u david -t team=ops -t "cost center=42"',
});
