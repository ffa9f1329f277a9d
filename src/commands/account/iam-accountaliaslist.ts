import { defineCommand } from "../../cli/define.js";
import { collect } from "../../iam/paginate.js";
import { listLines } from "../../output/print.js";

export default defineCommand<Record<string, never>, { AccountAliases: string[] }>({
  name: "iam-accountaliaslist",
  summary: "List the account's alias (IAM allows at most one).",
  operations: ["ListAccountAliases"],
  euare: true,
  options: [],
  output: ["one alias per line", "IsTruncated: false"],
  example: "iam-accountaliaslist",
  run: async ({ iam }) => ({
    AccountAliases: await collect((Marker) => iam.listAccountAliases({ Marker }), (page) => page.AccountAliases),
  }),
  render: ({ AccountAliases }) => listLines(AccountAliases),
});
