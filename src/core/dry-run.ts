import type { PlannedStep } from "./context.js";
import type { CommandSpec, OptionSpec } from "./define.js";
import { READ_ONLY_OPERATIONS } from "./operations.js";

/**
 * The action only reads, by the table of every action in operations.ts: everything else changes
 * something and is held back by --dry-run. `sts:GetCallerIdentity` and `GetCallerIdentity` (its
 * name on the STS client) are the same action.
 */
export function isReadOnly(action: string): boolean {
  return READ_ONLY_OPERATIONS.has(action.replace(/^sts:/, ""));
}

/** Commands with at least one changing action get --dry-run. */
export function changesSomething(spec: CommandSpec<any, any>): boolean {
  return spec.operations.some((op) => !isReadOnly(op));
}

const DRY_RUN_OPTION: OptionSpec = {
  key: "dryRun",
  long: "dry-run",
  description: "make only read requests; print each change that would be made, and change nothing",
};

/** The command's own options plus --dry-run where it applies: what parsing, help, docs and completion show. */
export function commandOptions(spec: CommandSpec<any, any>): readonly OptionSpec[] {
  return changesSomething(spec) ? [...spec.options, DRY_RUN_OPTION] : spec.options;
}

/** Parameters that carry secrets are shown as hidden, never printed. */
const SECRET_PARAMETER = /password|privatekey|secret/i;

function shown(key: string, value: unknown): string {
  if (SECRET_PARAMETER.test(key)) return "(hidden)";
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return `(${value.length} bytes)`;
  return JSON.stringify(value);
}

/** The same layout as `-r -p`: each step's action, then its parameters tab-indented. */
export function planLines(steps: PlannedStep[]): string[] {
  return steps.flatMap(({ Action, Input }) => [
    Action,
    ...Object.entries(Input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `\t${k}: ${shown(k, v)}`),
  ]);
}

/** The plan for --json: the same steps, secrets hidden. */
export function planDocument(steps: PlannedStep[]): { DryRun: PlannedStep[] } {
  return {
    DryRun: steps.map(({ Action, Input }) => ({
      Action,
      Input: Object.fromEntries(
        Object.entries(Input)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, SECRET_PARAMETER.test(k) ? "(hidden)" : v]),
      ),
    })),
  };
}
