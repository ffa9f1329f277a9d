import { defineCommand } from "../../core/define.js";
import { ownerUserName, maxItems } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-userlistkeys",
  summary: "List a user's access key ids, each followed by whether it is Active or Inactive.",
  operations: ["ListAccessKeys"],
  euare: true,
  positional: "userName",
  options: [ownerUserName("keys"), maxItems()],
  output: ["per key: its id, then its status (Active or Inactive)", "IsTruncated: false"],
  example: "iam-userlistkeys -u david",
  run: async ({ iam }, { userName, maxItems }) => ({
    AccessKeyMetadata: items(
      (Marker, MaxItems) => iam.listAccessKeys({ UserName: userName, Marker, MaxItems }),
      (page) => page.AccessKeyMetadata,
      maxItems,
    ),
  }),
  render: ({ AccessKeyMetadata }) => streamedListLines(AccessKeyMetadata, (key) => [key.AccessKeyId, key.Status]),
});
