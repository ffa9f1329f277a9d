import { defineCommand } from "../../core/define.js";
import { ownerUserName, verbose, maxItems } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-userlistcerts",
  summary: "List a user's signing certificate ids and whether each is Active or Inactive.",
  operations: ["ListSigningCertificates"],
  euare: true,
  positional: "userName",
  options: [ownerUserName("certificates"), verbose("also print each certificate's PEM body"), maxItems()],
  output: [
    "per certificate: its id, [with -v] its PEM body lines, then its status (Active or Inactive)",
    "IsTruncated: false",
  ],
  example: "iam-userlistcerts -u david -v",
  run: async ({ iam }, { userName, maxItems }) => ({
    Certificates: items(
      (Marker, MaxItems) => iam.listSigningCertificates({ UserName: userName, Marker, MaxItems }),
      (page) => page.Certificates,
      maxItems,
    ),
  }),
  render: ({ Certificates }, { verbose }) =>
    streamedListLines(Certificates, (cert) => [
      cert.CertificateId,
      ...(verbose ? (cert.CertificateBody ?? "").trimEnd().split(/\r?\n/) : []),
      cert.Status,
    ]),
});
