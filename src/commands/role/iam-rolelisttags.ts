import { roleName } from "../../cli/options.js";
import { listTagsCommand } from "../../iam/tagging.js";

export default listTagsCommand({
  name: "iam-rolelisttags",
  kind: "role",
  entity: roleName(),
  example: "iam-rolelisttags -r webserver",
});
