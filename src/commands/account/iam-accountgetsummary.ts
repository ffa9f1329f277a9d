import { defineCommand } from "../../core/define.js";
import { keyValueLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-accountgetsummary",
  summary: "Show how many users, groups, roles, keys and so on the account has, and its quotas.",
  operations: ["GetAccountSummary"],
  euare: true,
  options: [],
  output: ["Key: Value per entry, sorted by key (Groups: 3, GroupsQuota: 300, ...)"],
  example: "iam-accountgetsummary",
  run: async ({ iam }) => ({ SummaryMap: (await iam.getAccountSummary({})).SummaryMap ?? {} }),
  // The map's order is whatever the service sent; sorting makes the output stable for scripts and diffs.
  render: ({ SummaryMap }) =>
    keyValueLines(Object.entries(SummaryMap).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
});
