import { userName } from "../shared/options.js";
import { listTagsCommand } from "../shared/tagging.js";

export default listTagsCommand({
  name: "iam-userlisttags",
  kind: "user",
  entity: userName(),
  example: "iam-userlisttags -u david",
});
