import { roleName } from "../../cli/options.js";
import { untagCommand } from "../../iam/tagging.js";

export default untagCommand({
  name: "iam-roleuntag",
  kind: "role",
  entity: roleName(),
  example: "iam-roleuntag -r webserver -k team",
});
