import { instanceProfileName } from "../../cli/options.js";
import { listTagsCommand } from "../../iam/tagging.js";

export default listTagsCommand({
  name: "iam-instanceprofilelisttags",
  kind: "instance profile",
  entity: instanceProfileName(),
  example: "iam-instanceprofilelisttags -s webserver",
});
