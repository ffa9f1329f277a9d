import { defineCommand } from "../../core/define.js";
import { serviceCredentialId, status, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-usermodservicecredential",
  summary: "Turn one of a user's service-specific credentials (a CodeCommit or Keyspaces password) on or off.",
  operations: ["UpdateServiceSpecificCredential"],
  options: [userName(), serviceCredentialId(), status("credential")],
  example: "iam-usermodservicecredential -u david -k ACCAEXAMPLE123EXAMPLE -s Inactive",
  async run({ iam }, { userName, serviceCredentialId, status }) {
    await iam.updateServiceSpecificCredential({ UserName: userName, ServiceSpecificCredentialId: serviceCredentialId, Status: status });
    return {};
  },
});
