import type { IAM } from "@aws-sdk/client-iam";
import type { CommandSpec, OptionSpec } from "./define.js";

/** IAM actions that only read: everything else changes something and is held back by --dry-run. */
export function isReadOnly(action: string): boolean {
  return /^(Get|List|Generate|Simulate)/.test(action);
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

/** One change a dry run held back: an IAM action with its parameters, or a local file step. */
export interface PlannedStep {
  Action: string;
  Input: Record<string, unknown>;
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

/**
 * The plan judged by IAM's rules: one `would fail: <Code>: <Action>: <why>` line per step IAM
 * would refuse, each step judged after the ones before it. Only read requests are sent. The
 * predictions are loaded here, so runs without --dry-run never load them.
 */
export async function predictRefusals(steps: PlannedStep[], iam: IAM, debug: (message: string) => void): Promise<string[]> {
  const [{ AccountView }, { predict }] = await Promise.all([import("../iam/account-view.js"), import("../iam/predictions.js")]);
  const view = new AccountView(iam, debug);
  const lines: string[] = [];
  for (const { Action, Input } of steps) {
    const refusal = await predict(Action, Input, view);
    if (refusal) lines.push(`would fail: ${refusal.code}: ${Action}: ${refusal.why}`);
  }
  return lines;
}
