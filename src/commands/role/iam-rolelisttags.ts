import { roleName } from "../shared/options.js";
import { listTagsCommand } from "../shared/tagging.js";

export default listTagsCommand({
  name: "iam-rolelisttags",
  kind: "role",
  entity: roleName(),
  example: "iam-rolelisttags -r webserver",
});
