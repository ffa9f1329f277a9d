import { userName } from "../../cli/options.js";
import { untagCommand } from "../../iam/tagging.js";

export default untagCommand({
  name: "iam-useruntag",
  kind: "user",
  entity: userName(),
  example: "iam-useruntag -u david -k team",
});
