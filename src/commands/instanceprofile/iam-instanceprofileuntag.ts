import { instanceProfileName } from "../shared/options.js";
import { untagCommand } from "../shared/tagging.js";

export default untagCommand({
  name: "iam-instanceprofileuntag",
  kind: "instance profile",
  entity: instanceProfileName(),
  example: "iam-instanceprofileuntag -s webserver -k team",
});
