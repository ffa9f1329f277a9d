import { defineCommand } from "../../core/define.js";
import { serverCertificateName } from "../shared/options.js";

export default defineCommand({
  name: "iam-servercertdel",
  summary: "Delete a server certificate together with its stored private key.",
  operations: ["DeleteServerCertificate"],
  euare: true,
  positional: "serverCertificateName",
  options: [serverCertificateName()],
  example: "iam-servercertdel -s www.example.com",
  async run({ iam }, { serverCertificateName }) {
    await iam.deleteServerCertificate({ ServerCertificateName: serverCertificateName });
    return {};
  },
});
