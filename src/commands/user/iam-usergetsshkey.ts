import { defineCommand } from "../../core/define.js";
import { sshPublicKeyId, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-usergetsshkey",
  summary: "Print one of a user's SSH public keys, as an OpenSSH line or as PEM.",
  operations: ["GetSSHPublicKey"],
  options: [
    userName({ description: "the user who owns the key" }),
    sshPublicKeyId(),
    {
      key: "encoding",
      long: "encoding",
      metavar: "ENCODING",
      description: "SSH for an OpenSSH line (the default), PEM for a PEM block",
      choices: ["SSH", "PEM"],
    },
  ],
  output: ["the public key, in the requested encoding"],
  example: "iam-usergetsshkey -u david -k APKAEIBAERJR2EXAMPLE --encoding PEM",
  run: async ({ iam }, { userName, sshPublicKeyId, encoding = "SSH" }) => ({
    SSHPublicKey: (await iam.getSSHPublicKey({ UserName: userName, SSHPublicKeyId: sshPublicKeyId, Encoding: encoding }))
      .SSHPublicKey!,
  }),
  render: ({ SSHPublicKey }) => [SSHPublicKey.SSHPublicKeyBody!.trimEnd()],
});
