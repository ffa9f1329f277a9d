import { defineCommand } from "../../cli/define.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<Record<string, never>, { AccountAliases: AsyncIterable<string> }>({
  name: "iam-accountaliaslist",
  summary: "List the account's alias (IAM allows at most one).",
  operations: ["ListAccountAliases"],
  euare: true,
  options: [],
  output: ["one alias per line", "IsTruncated: false"],
  example: "iam-accountaliaslist",
  run: async ({ iam }) => ({
    AccountAliases: items((Marker) => iam.listAccountAliases({ Marker }), (page) => page.AccountAliases),
  }),
  render: ({ AccountAliases }) => streamedListLines(AccountAliases, (alias) => alias),
});
