import { defineCommand } from "../../core/define.js";
import { sshPublicKeyId, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-userdelsshkey",
  summary: "Delete one of a user's SSH public keys.",
  operations: ["DeleteSSHPublicKey"],
  options: [userName({ description: "the user who owns the key" }), sshPublicKeyId()],
  example: "iam-userdelsshkey -u david -k APKAEIBAERJR2EXAMPLE",
  async run({ iam }, { userName, sshPublicKeyId }) {
    await iam.deleteSSHPublicKey({ UserName: userName, SSHPublicKeyId: sshPublicKeyId });
    return {};
  },
});
