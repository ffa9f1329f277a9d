import { userName } from "../shared/options.js";
import { untagCommand } from "../shared/tagging.js";

export default untagCommand({
  name: "iam-useruntag",
  kind: "user",
  entity: userName(),
  example: "iam-useruntag -u david -k team",
});
