import { defineCommand } from "../../core/define.js";
import { serverCertificateName } from "../shared/options.js";

export default defineCommand({
  name: "iam-servercertgetattributes",
  summary: "Show a server certificate's ARN and id.",
  operations: ["GetServerCertificate"],
  euare: true,
  positional: "serverCertificateName",
  options: [serverCertificateName()],
  output: ["server certificate ARN", "server certificate id"],
  example: "iam-servercertgetattributes -s www.example.com",
  run: async ({ iam }, { serverCertificateName }) => ({
    ServerCertificate: (await iam.getServerCertificate({ ServerCertificateName: serverCertificateName })).ServerCertificate!,
  }),
  render: ({ ServerCertificate: { ServerCertificateMetadata: m } }) => [m!.Arn!, m!.ServerCertificateId!],
});
