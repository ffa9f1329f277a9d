import { defineCommand } from "../../core/define.js";
import { ownerUserName, maxItems, verbose } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { lastUseText, mapOrdered, withLastUse, type KeyWithLastUse } from "../../iam/key-audit.js";
import { streamedListLines } from "../../output/print.js";

/** Last-use reads in flight at once (a user has two keys at most, but -u is optional on listings of any size). */
const LOOKUPS_IN_FLIGHT = 4;

export default defineCommand({
  name: "iam-userlistkeys",
  summary: "List a user's access key ids, each followed by whether it is Active or Inactive.",
  operations: ["ListAccessKeys", "GetAccessKeyLastUsed"],
  euare: true,
  positional: "userName",
  options: [ownerUserName("keys"), maxItems(), verbose("after each key's status, print when it was last used, for which service, in which region")],
  output: [
    "per key: its id, then its status (Active or Inactive)",
    "[with -v] per key, a third line: LastUsed: <ISO 8601> <service> <region>, or LastUsed: never",
    "IsTruncated: false",
  ],
  example: "iam-userlistkeys -u david -v",
  run: async ({ iam }, { userName, maxItems, verbose }): Promise<{ AccessKeyMetadata: AsyncIterable<KeyWithLastUse> }> => {
    const keys = items(
      (Marker, MaxItems) => iam.listAccessKeys({ UserName: userName, Marker, MaxItems }),
      (page) => page.AccessKeyMetadata,
      maxItems,
    );
    return { AccessKeyMetadata: verbose ? mapOrdered(keys, LOOKUPS_IN_FLIGHT, (key) => withLastUse(iam, key)) : keys };
  },
  render: ({ AccessKeyMetadata }, { verbose }) =>
    streamedListLines(AccessKeyMetadata, (key) => [key.AccessKeyId, key.Status, ...(verbose ? [`LastUsed: ${lastUseText(key.LastUsed)}`] : [])]),
});
