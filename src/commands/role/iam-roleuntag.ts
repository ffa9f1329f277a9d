import { roleName } from "../shared/options.js";
import { untagCommand } from "../shared/tagging.js";

export default untagCommand({
  name: "iam-roleuntag",
  kind: "role",
  entity: roleName(),
  example: "iam-roleuntag -r webserver -k team",
});
