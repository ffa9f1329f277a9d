import { userName } from "../../cli/options.js";
import { listTagsCommand } from "../../iam/tagging.js";

export default listTagsCommand({
  name: "iam-userlisttags",
  kind: "user",
  entity: userName(),
  example: "iam-userlisttags -u david",
});
