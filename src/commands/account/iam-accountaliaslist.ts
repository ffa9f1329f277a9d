import { defineCommand } from "../../core/define.js";
import { maxItems } from "../shared/options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-accountaliaslist",
  summary: "List the account's alias (IAM allows at most one).",
  operations: ["ListAccountAliases"],
  euare: true,
  options: [maxItems({ accountWide: true })],
  output: ["one alias per line", "IsTruncated: false"],
  example: "iam-accountaliaslist",
  run: async ({ iam }, { maxItems }) => ({
    AccountAliases: items((Marker, MaxItems) => iam.listAccountAliases({ Marker, MaxItems }), (page) => page.AccountAliases, maxItems ?? ACCOUNT_WIDE_PAGE_SIZE),
  }),
  render: ({ AccountAliases }) => streamedListLines(AccountAliases, (alias) => alias),
});
