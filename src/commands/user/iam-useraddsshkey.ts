import { defineCommand } from "../../core/define.js";
import { userName } from "../shared/options.js";
import { sshPublicKeyBody } from "../../iam/ssh-public-key.js";

export default defineCommand({
  name: "iam-useraddsshkey",
  summary: "Upload an SSH public key for a user (as CodeCommit uses), after checking locally that it is one.",
  operations: ["UploadSSHPublicKey"],
  options: [
    userName({ description: "the user who will own the key" }),
    {
      key: "keyFile",
      short: "f",
      long: "ssh-public-key-file",
      metavar: "KEYFILE",
      description: "file holding the public key, one OpenSSH line or a PEM block (- reads standard input)",
      required: true,
    },
  ],
  output: ["the SSH public key id"],
  example: "iam-useraddsshkey -u david -f ~/.ssh/id_ed25519.pub",
  async run(ctx, { userName, keyFile }) {
    const text = await ctx.readText(keyFile, "SSH public key file");
    const SSHPublicKeyBody = sshPublicKeyBody(text, keyFile === "-" ? "(standard input)" : keyFile);
    const { SSHPublicKey } = await ctx.iam.uploadSSHPublicKey({ UserName: userName, SSHPublicKeyBody });
    return { SSHPublicKey: SSHPublicKey! };
  },
  render: ({ SSHPublicKey }) => [SSHPublicKey.SSHPublicKeyId!],
});
