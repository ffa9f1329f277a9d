import { serverCertificateName } from "../shared/options.js";
import { tagCommand } from "../shared/tagging.js";

export default tagCommand({
  name: "iam-servercerttag",
  kind: "server certificate",
  entity: serverCertificateName(),
  example: "iam-servercerttag -s www.example.com -t team=web",
});
