import { serverCertificateName } from "../shared/options.js";
import { renameCommand } from "../shared/rename-commands.js";

export default renameCommand({
  name: "iam-servercertmod",
  kind: "server certificate",
  entity: serverCertificateName(),
  example: "iam-servercertmod -s www.example.com -n www.example.com-2025 -p /cloudfront/",
});
