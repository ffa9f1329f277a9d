import type { IAM } from "@aws-sdk/client-iam";
import type { PlannedStep } from "../core/context.js";

/**
 * The plan judged by IAM's rules: one `would fail: <Code>: <Action>: <why>` line per step IAM
 * would refuse, each step judged after the ones before it. Only read requests are sent. The
 * predictions are loaded here, so runs without --dry-run never load them.
 */
export async function predictRefusals(steps: PlannedStep[], iam: IAM, debug: (message: string) => void): Promise<string[]> {
  const [{ AccountView }, { predict }] = await Promise.all([import("./account-view.js"), import("./predictions.js")]);
  const view = new AccountView(iam, debug);
  const lines: string[] = [];
  for (const { Action, Input } of steps) {
    const refusal = await predict(Action, Input, view);
    if (refusal) lines.push(`would fail: ${refusal.code}: ${Action}: ${refusal.why}`);
  }
  return lines;
}
