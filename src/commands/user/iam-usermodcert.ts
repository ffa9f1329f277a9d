import { defineCommand } from "../../core/define.js";
import { certificateId, ownerUserName, status } from "../shared/options.js";

export default defineCommand({
  name: "iam-usermodcert",
  summary: "Turn one of a user's signing certificates on (Active) or off (Inactive).",
  operations: ["UpdateSigningCertificate"],
  euare: true,
  positional: "certificateId",
  options: [ownerUserName("certificate"), certificateId(), status("certificate")],
  example: "iam-usermodcert -u david -c TA7SMP42TDN5Z26OBPJE7EXAMPLE -s Inactive",
  async run({ iam }, { userName, certificateId, status }) {
    await iam.updateSigningCertificate({ UserName: userName, CertificateId: certificateId, Status: status });
    return {};
  },
});
