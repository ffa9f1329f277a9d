import { instanceProfileName } from "../shared/options.js";
import { listTagsCommand } from "../shared/tagging.js";

export default listTagsCommand({
  name: "iam-instanceprofilelisttags",
  kind: "instance profile",
  entity: instanceProfileName(),
  example: "iam-instanceprofilelisttags -s webserver",
});
