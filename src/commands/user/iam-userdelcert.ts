import { defineCommand } from "../../core/define.js";
import { certificateId, ownerUserName } from "../shared/options.js";

export default defineCommand({
  name: "iam-userdelcert",
  summary: "Delete one of a user's signing certificates.",
  operations: ["DeleteSigningCertificate"],
  euare: true,
  positional: "certificateId",
  options: [ownerUserName("certificate"), certificateId()],
  example: "iam-userdelcert -u david -c TA7SMP42TDN5Z26OBPJE7EXAMPLE",
  async run({ iam }, { userName, certificateId }) {
    await iam.deleteSigningCertificate({ UserName: userName, CertificateId: certificateId });
    return {};
  },
});
