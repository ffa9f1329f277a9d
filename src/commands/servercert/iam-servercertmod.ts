import { defineCommand } from "../../core/define.js";
import { newName, newNameOrPath, newPath, serverCertificateName } from "../shared/options.js";

export default defineCommand({
  name: "iam-servercertmod",
  summary: "Rename a server certificate, move it to another path, or both.",
  operations: ["UpdateServerCertificate"],
  euare: true,
  positional: "serverCertificateName",
  options: [
    serverCertificateName(),
    { ...newName("server certificate", "new-server-certificate-name"), metavar: "NEWCERTNAME" },
    newPath("server certificate"),
  ],
  check: newNameOrPath,
  example: "iam-servercertmod -s www.example.com -n www.example.com-2025 -p /cloudfront/",
  async run({ iam }, { serverCertificateName, newName, newPath }) {
    await iam.updateServerCertificate({
      ServerCertificateName: serverCertificateName,
      NewServerCertificateName: newName,
      NewPath: newPath,
    });
    return {};
  },
});
