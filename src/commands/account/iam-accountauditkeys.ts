import { defineCommand } from "../../core/define.js";
import { auditAccessKeys, lastUseText, type AuditedKey } from "../../iam/key-audit.js";
import { streamedListLines } from "../../output/print.js";
import { maxItems, positiveInteger } from "../shared/options.js";

/** Only keys with findings pass when a limit is given; every key otherwise. */
async function* reported(keys: AsyncIterable<AuditedKey>, filtered: boolean): AsyncGenerator<AuditedKey> {
  for await (const key of keys) if (!filtered || key.Findings.length > 0) yield key;
}

export default defineCommand({
  name: "iam-accountauditkeys",
  summary: "List every user's access keys with their age and last use, or only those older than or unused for N days.",
  operations: ["ListUsers", "ListAccessKeys", "GetAccessKeyLastUsed"],
  options: [
    {
      key: "olderThan",
      long: "older-than",
      metavar: "DAYS",
      description: "show only keys created more than DAYS days ago",
      parse: positiveInteger("--older-than"),
    },
    {
      key: "unusedFor",
      long: "unused-for",
      metavar: "DAYS",
      description: "show only keys not used for more than DAYS days (a key never used counts from its creation)",
      parse: positiveInteger("--unused-for"),
    },
    maxItems({ accountWide: true }),
  ],
  output: [
    "per key, tab-separated: user, key id, status, creation date, last use (<ISO 8601> <service> <region>, or never), and with a limit the findings, separated by ; ",
    "IsTruncated: false",
  ],
  example: "iam-accountauditkeys --older-than 90 --unused-for 90",
  run: async ({ iam }, { olderThan, unusedFor, maxItems }) => ({
    AccessKeys: reported(auditAccessKeys(iam, { olderThan, unusedFor }, new Date(), maxItems), olderThan !== undefined || unusedFor !== undefined),
  }),
  render: ({ AccessKeys }) =>
    streamedListLines(AccessKeys, (key) =>
      [key.UserName, key.AccessKeyId, key.Status, key.CreateDate?.toISOString(), lastUseText(key.LastUsed), ...(key.Findings.length ? [key.Findings.join("; ")] : [])].join("\t"),
    ),
});
