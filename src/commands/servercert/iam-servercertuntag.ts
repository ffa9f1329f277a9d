import { serverCertificateName } from "../shared/options.js";
import { untagCommand } from "../shared/tagging.js";

export default untagCommand({
  name: "iam-servercertuntag",
  kind: "server certificate",
  entity: serverCertificateName(),
  example: "iam-servercertuntag -s www.example.com -k team",
});
