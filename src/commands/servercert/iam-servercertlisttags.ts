import { serverCertificateName } from "../shared/options.js";
import { listTagsCommand } from "../shared/tagging.js";

export default listTagsCommand({
  name: "iam-servercertlisttags",
  kind: "server certificate",
  entity: serverCertificateName(),
  example: "iam-servercertlisttags -s www.example.com",
});
