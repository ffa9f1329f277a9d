#!/usr/bin/env node
// node bench/lint.mjs (after npm run build): policy lint on pathological wildcards, whole-process
// wall time of iam-policylint beside `node -e ''`. An Action of "iam:" and a run of stars used to
// become a backtracking regular expression (40 stars: 49 s; 80: never ends). Not a test: nothing
// here asserts. BENCH_RUNS=N sets the runs per document (default 5).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, median, ms, table, timeRun } from "./support.mjs";

const count = Number(process.env.BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), "iamkit-bench-lint-"));
const env = { PATH: process.env.PATH, HOME: dir };
const stars = "*".repeat(80);
const cases = [
  ['"iam:" + 80 stars (matches iam:PassRole)', `iam:${stars}`],
  ['"iam:" + 80 stars + "x" (matches nothing)', `iam:${stars}x`],
  ['"iam:" + 40 × "*?" + "x"', `iam:${"*?".repeat(40)}x`],
];
const rows = [["document", "median"], ["node -e ''", ms(median(Array.from({ length: count }, () => timeRun(["node", "-e", ""], env))))]];
for (const [name, action] of cases) {
  const file = join(dir, `${rows.length}.json`);
  writeFileSync(file, JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] }));
  const argv = [join(ROOT, "bin", "iam-policylint.js"), "-f", file];
  rows.push([`iam-policylint, Action ${name}`, ms(median(Array.from({ length: count }, () => timeRun(argv, env))))]);
}
process.stdout.write(`## policy lint on pathological wildcards: median of ${count} runs\n${table(rows)}\n`);
