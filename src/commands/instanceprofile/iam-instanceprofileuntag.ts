import { instanceProfileName } from "../../cli/options.js";
import { untagCommand } from "../../iam/tagging.js";

export default untagCommand({
  name: "iam-instanceprofileuntag",
  kind: "instance profile",
  entity: instanceProfileName(),
  example: "iam-instanceprofileuntag -s webserver -k team",
});
