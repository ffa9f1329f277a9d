import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./moto.js";
import type { CliResult } from "./run-cli.js";
import type { WireRequest } from "./wire.js";

/**
 * A differential check of dry runs: the same command run with --dry-run and then for real, both
 * through a recording endpoint in front of the strict IAM layer, and what the dry run said held
 * against what the real run did. The judge knows nothing of the product's predictions: only the
 * exit codes, the error codes on stderr, the plan on stdout and the requests on the wire.
 */

/**
 * A request as the recording endpoint saw it, with the status of the answer it got and, for a
 * create of a credential, the id IAM chose for it.
 */
export type Answered = WireRequest & { status?: number; chosenId?: string };

/** The id IAM chose in the answer to a create of a credential; undefined for any other answer. */
export const chosenId = (action: string, body: string) =>
  /^(CreateAccessKey|UploadSigningCertificate|UploadSSHPublicKey)$/.test(action) ? /<(?:AccessKeyId|CertificateId|SSHPublicKeyId)>([^<]+)</.exec(body)?.[1] : undefined;

/** What one run showed: its result and the requests it sent. */
export interface Observed {
  result: CliResult;
  requests: Answered[];
}

/** One entry of docs/dry-run-not-predicted.json. */
export interface NotPredicted {
  says: string;
  refusals: { action: string; code: string; sameParameters?: string[]; matching?: Record<string, string> }[];
}

export const NOT_PREDICTED: NotPredicted[] = JSON.parse(readFileSync(join(ROOT, "docs/dry-run-not-predicted.json"), "utf8")).notPredicted;

/** Actions that only read (IAM's naming: Get, List, Generate, Simulate). */
const reads = (action: string) => /^(Get|List|Generate|Simulate)/.test(action);

/** Plan steps that are IAM actions (PascalCase); local steps ("create credential file") are not sent. */
const isIamAction = (action: string) => /^[A-Z][A-Za-z0-9]+$/.test(action);

/** Values a plan hides are compared for presence only. */
const SECRET = /password|privatekey|secret/i;

/** A request's parameters as one comparable string: Query protocol names, secrets masked, Version left out. */
function canonical(action: string, params: Record<string, string>): string {
  const shown = Object.entries(params)
    .filter(([key]) => key !== "Action" && key !== "Version")
    .map(([key, value]) => [key, SECRET.test(key) ? "(hidden)" : value])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([action, shown]);
}

/** A plan step's Input in the Query protocol's flat names (lists as `.member.N`). */
function queryParameters(input: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  const add = (name: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((item, i) => add(`${name}.member.${i + 1}`, item));
    else if (value !== null && typeof value === "object") for (const [key, inner] of Object.entries(value)) add(`${name}.${key}`, inner);
    else if (value !== undefined) flat[name] = String(value);
  };
  for (const [key, value] of Object.entries(input)) add(key, value);
  return flat;
}

/** The writes a `--json` dry run planned, canonical and sorted; undefined when stdout holds no plan. */
function plannedWrites(stdout: string): string[] | undefined {
  try {
    const { DryRun } = JSON.parse(stdout) as { DryRun: { Action: string; Input: Record<string, unknown> }[] };
    return DryRun.filter((s) => isIamAction(s.Action)).map((s) => canonical(s.Action, queryParameters(s.Input))).sort();
  } catch {
    return undefined;
  }
}

const sentWrites = (requests: Answered[]) =>
  requests.filter((r) => !reads(r.params.Action)).map((r) => canonical(r.params.Action, r.params)).sort();

/** The IAM error code a run reports first: a predicted refusal (dry run) or IAM's own (real run). */
const errorCode = (stderr: string) => /(?:would fail: |error \()(\w+)/.exec(stderr)?.[1];

/** The not-predicted entry that explains a refused request, if any. */
export function explainedBy(request: Answered, code: string): NotPredicted | undefined {
  const { Action, ...params } = request.params;
  const holds = ({ sameParameters = [], matching = {} }: NotPredicted["refusals"][number]) =>
    sameParameters.every((key) => params[key] === params[sameParameters[0]]) &&
    Object.entries(matching).every(([key, pattern]) => new RegExp(pattern).test(params[key] ?? ""));
  return NOT_PREDICTED.find((entry) => entry.refusals.some((r) => r.action === Action && r.code === code && holds(r)));
}

export type Verdict = { agrees: true } | { agrees: false; why: string } | { agrees: "explained"; by: NotPredicted };

/**
 * How the dry run of a step held against its real run: the same exit status and error code, a
 * plan naming exactly the writes the real run sent when it succeeded, and only reads sent by the
 * dry run. A success predicted for a request IAM refused is explained when the not-predicted list
 * names that action and code. Nothing here is particular to one command: a plan of several
 * commands is judged against their real runs taken together (every request, and the result of
 * the first that failed, or of the last).
 */
export function judge(dry: Observed, real: Observed): Verdict {
  const written = dry.requests.filter((r) => !reads(r.params.Action)).map((r) => r.params.Action);
  if (written.length) return { agrees: false, why: `the dry run sent ${written.join(", ")}` };
  const [predicted, actual] = [errorCode(dry.result.stderr), errorCode(real.result.stderr)];
  if (dry.result.code === 0 && real.result.code === 1 && actual) {
    const refused = real.requests.findLast((r) => (r.status ?? 0) >= 400);
    const by = refused && explainedBy(refused, actual);
    if (by) return { agrees: "explained", by };
  }
  if (dry.result.code !== real.result.code || predicted !== actual) {
    return { agrees: false, why: `dry run: exit ${dry.result.code} ${predicted ?? ""}; real run: exit ${real.result.code} ${actual ?? ""}` };
  }
  if (real.result.code !== 0) return { agrees: true };
  const [planned, sent] = [plannedWrites(dry.result.stdout), sentWrites(real.requests)];
  if (JSON.stringify(planned) !== JSON.stringify(sent)) {
    return { agrees: false, why: `planned ${JSON.stringify(planned)}, sent ${JSON.stringify(sent)}` };
  }
  return { agrees: true };
}

/** A small seeded generator (mulberry32): the same seed, the same sequence of commands. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    /** `items` half the time, nothing otherwise. */
    maybe: <T>(items: T[]): T[] => (next() < 0.5 ? items : []),
    int: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
  };
}
export type Random = ReturnType<typeof seeded>;

/** One step of `iamkit plan --json`'s document. */
export interface PlannedStep {
  CommandLine: string;
  ExitCode: number;
  Changes: { Action: string; Input: Record<string, unknown> }[];
  WouldFail?: string;
  /** What the planned step printed on stderr: a refused read (NoSuchEntity) gives no WouldFail. */
  stderr?: string;
}

/** One step of the same runbook really run: its exit status and what it printed on stderr. */
export interface RealStep {
  code: number;
  stderr: string;
}

export type StepVerdict = Verdict | { agrees: "not compared"; after: number; because: string };

/** Parameters naming a credential by its id. */
const CREDENTIAL_ID = /^(AccessKeyId|CertificateId|SSHPublicKeyId)$/;

/**
 * The plan's writes with the ids it chose for the credentials it created (placeholders: ids no
 * write of IAM's names) replaced by the ones IAM chose when it created them (`chosen`, in order),
 * paired in the order they first appear; an id both name (a key the account held before) stays.
 */
function withIamIds(planned: Record<string, string>[], done: Record<string, string>[], chosen: string[]): Record<string, string>[] {
  const ids = (writes: Record<string, string>[]) => [...new Set(writes.flatMap((p) => Object.entries(p).filter(([key]) => CREDENTIAL_ID.test(key)).map(([, id]) => id)))];
  const [mine, iams] = [ids(planned), ids(done)];
  const theirs = chosen.filter((id) => iams.includes(id) && !mine.includes(id));
  const standsFor = new Map(mine.filter((id) => !iams.includes(id)).map((id, i) => [id, theirs[i] ?? id]));
  return planned.map((p) => Object.fromEntries(Object.entries(p).map(([key, value]) => [key, CREDENTIAL_ID.test(key) ? (standsFor.get(value) ?? value) : value])));
}

/**
 * A whole runbook planned (`iamkit plan --json`) against the same runbook really run, step by
 * step: the same exit status and the same error code (the plan's `WouldFail`, or the planned
 * step's own `error (Code)` when a read was refused, against the real step's `error (Code)`). A success planned for a refusal the not-predicted list names (judged by
 * the planned change's action and parameters, as `explainedBy` judges a request) is explained;
 * the plan then holds a change IAM does not, so the steps after it are not compared. When every
 * step was compared and agreed, the changes of the steps planned to succeed must be the writes IAM
 * accepted, taken together (the ids of credentials the runbook created paired with IAM's).
 * `planned` holds the requests the plan sent: reads only.
 */
export function judgeRunbook(plan: PlannedStep[], real: RealStep[], planned: Answered[], sent: Answered[]): { verdicts: StepVerdict[]; why?: string } {
  const written = planned.filter((r) => !reads(r.params.Action)).map((r) => r.params.Action);
  if (written.length) return { verdicts: [], why: `the plan sent ${written.join(", ")}` };
  if (plan.length !== real.length) return { verdicts: [], why: `${plan.length} steps planned, ${real.length} run` };
  const verdicts: StepVerdict[] = [];
  let diverged: { after: number; because: string } | undefined;
  plan.forEach((step, i) => {
    if (diverged) return verdicts.push({ agrees: "not compared", ...diverged });
    const predicted = step.WouldFail?.split(":")[0] ?? errorCode(step.stderr ?? "");
    const actual = errorCode(real[i].stderr);
    if (step.ExitCode === 0 && real[i].code === 1 && actual) {
      const by = step.Changes.map((c) => explainedBy({ method: "POST", path: "/", headers: {}, body: "", params: { Action: c.Action, ...queryParameters(c.Input) } }, actual)).find(Boolean);
      if (by) {
        diverged = { after: i, because: "a step the not-predicted list explains" };
        return verdicts.push({ agrees: "explained", by });
      }
    }
    if (step.ExitCode !== real[i].code || predicted !== actual) {
      return verdicts.push({ agrees: false, why: `planned: exit ${step.ExitCode} ${predicted ?? ""}; really: exit ${real[i].code} ${actual ?? ""}` });
    }
    verdicts.push({ agrees: true });
  });
  if (!diverged && verdicts.every((v) => v.agrees === true)) {
    const done = sent.filter((r) => (r.status ?? 0) < 400 && !reads(r.params.Action)).map((r) => r.params);
    const planned = plan
      .filter((s) => s.ExitCode === 0)
      .flatMap((s) => s.Changes.filter((c) => isIamAction(c.Action)).map((c) => ({ Action: c.Action, ...queryParameters(c.Input) })));
    const chosen = sent.flatMap((r) => r.chosenId ?? []);
    const changes = withIamIds(planned, done, chosen).map((p) => canonical(p.Action, p)).sort();
    const accepted = sentWrites(sent.filter((r) => (r.status ?? 0) < 400));
    if (JSON.stringify(changes) !== JSON.stringify(accepted)) return { verdicts, why: `planned ${JSON.stringify(changes)}, done ${JSON.stringify(accepted)}` };
  }
  return { verdicts };
}
