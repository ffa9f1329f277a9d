import { defineCommand } from "../../core/define.js";
import { userName, maxItems } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-userlistsshkeys",
  summary: "List a user's SSH public key ids, each followed by whether it is Active or Inactive.",
  operations: ["ListSSHPublicKeys"],
  options: [userName({ description: "the user who owns the keys" }), maxItems()],
  output: ["per key: its id, then its status (Active or Inactive)", "IsTruncated: false"],
  example: "iam-userlistsshkeys -u david",
  run: async ({ iam }, { userName, maxItems }) => ({
    SSHPublicKeys: items(
      (Marker, MaxItems) => iam.listSSHPublicKeys({ UserName: userName, Marker, MaxItems }),
      (page) => page.SSHPublicKeys,
      maxItems,
    ),
  }),
  render: ({ SSHPublicKeys }) => streamedListLines(SSHPublicKeys, (key) => [key.SSHPublicKeyId, key.Status]),
});
