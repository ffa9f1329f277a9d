// Longer searches for dry runs that disagree with real runs: runs test/differential.test.ts's
// seeded sequences for any number of seeds and prints the tally (steps, agreements, those the
// not-predicted list explains, each disagreement with the seed and step that reproduce it).
// With --plan, each seed's sequence is a runbook planned by `iamkit plan` and then really run.
//   npm run differential -- --seeds 50 [--first 1] [--steps 30] [--plan]
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";

const ROOT = join(import.meta.dirname, "..");
const usage = "usage: npm run differential -- --seeds N [--first SEED] [--steps N] [--plan]";

let values;
try {
  ({ values } = parseArgs({ options: { seeds: { type: "string" }, first: { type: "string", default: "1" }, steps: { type: "string" }, plan: { type: "boolean", default: false } } }));
} catch (err) {
  console.error(`differential: ${err.message}\n${usage}`);
  process.exit(2);
}
values.steps ??= values.plan ? "20" : "30";
for (const [name, value] of Object.entries({ seeds: values.seeds, first: values.first, steps: values.steps })) {
  if (!/^[1-9][0-9]*$/.test(value ?? "")) {
    console.error(`differential: --${name} must be a positive whole number\n${usage}`);
    process.exit(2);
  }
}

const { status } = spawnSync(join(ROOT, "node_modules/.bin/vitest"), ["run", "test/differential.test.ts", "-t", values.plan ? "runbooks planned agree" : "dry runs agree"], {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    DIFFERENTIAL_SEEDS: values.seeds,
    DIFFERENTIAL_FIRST_SEED: values.first,
    DIFFERENTIAL_STEPS: values.steps,
    DIFFERENTIAL_REPORT: "1",
  },
});
process.exit(status ?? 1);
