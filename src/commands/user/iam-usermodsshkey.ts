import { defineCommand } from "../../core/define.js";
import { sshPublicKeyId, status, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-usermodsshkey",
  summary: "Turn one of a user's SSH public keys on (Active) or off (Inactive) without deleting it.",
  operations: ["UpdateSSHPublicKey"],
  options: [userName({ description: "the user who owns the key" }), sshPublicKeyId(), status("SSH key")],
  example: "iam-usermodsshkey -u david -k APKAEIBAERJR2EXAMPLE -s Inactive",
  async run({ iam }, { userName, sshPublicKeyId, status }) {
    await iam.updateSSHPublicKey({ UserName: userName, SSHPublicKeyId: sshPublicKeyId, Status: status });
    return {};
  },
});
