import type { IAM } from "@aws-sdk/client-iam";
import type { PlannedStep } from "../core/context.js";
import { isReadOnly, planDocument } from "../core/dry-run.js";
import { send, type IamInput, type IamOperation } from "../core/operations.js";
import type { PlanAnswer, StepReport } from "../aws/plan-link.js";
import { AccountView } from "./account-view.js";
import { collect } from "./paginate.js";
import { chosenIds, movedRecord, placeholderAnswer, type Account } from "./plan-answers.js";
import { NotFound, planRead, type Kind, type PlanReads } from "./plan-reads.js";
import { predictStep } from "./predictions.js";

/**
 * The state of one runbook's plan, shared by all its steps: the account as read once from IAM
 * (AccountView) and changed by each accepted step, the records of what the plan created, and what
 * each step did, for the summary. Steps run in their own processes and reach it through the plan
 * service; their requests are taken one at a time, in the order they arrive.
 */

/** One step of the runbook: a command the script ran. */
export interface PlanStep {
  commandLine?: string;
  /** The command's exit code; undefined while it runs (or if it never reported). */
  code?: number;
  /** Its changes, in order, secrets hidden: IAM actions and local ones. */
  changes: PlannedStep[];
  /** `<Code>: <Action>: <why>` of the change IAM would refuse. */
  refusal?: string;
}

/** The HTTP status IAM answers each refusal with. */
const STATUS: Record<string, number> = { NoSuchEntity: 404, EntityAlreadyExists: 409, DeleteConflict: 409, LimitExceeded: 409 };

/** The parameters that name an entity a change touches. */
const NAMING: [Kind | "account alias", string][] = [
  ["user", "UserName"],
  ["user", "NewUserName"],
  ["group", "GroupName"],
  ["group", "NewGroupName"],
  ["role", "RoleName"],
  ["instance profile", "InstanceProfileName"],
  ["policy", "PolicyArn"],
  ["account alias", "AccountAlias"],
];

/** Created entities' records, by the key the reads use, from a create's answer. */
const CREATED: Record<string, [string, (output: any) => string]> = {
  CreateUser: ["User", (o) => `user:${o.User.UserName}`],
  CreateGroup: ["Group", (o) => `group:${o.Group.GroupName}`],
  CreateRole: ["Role", (o) => `role:${o.Role.RoleName}`],
  CreateInstanceProfile: ["InstanceProfile", (o) => `instance profile:${o.InstanceProfile.InstanceProfileName}`],
  CreatePolicy: ["Policy", (o) => `policy:${o.Policy.Arn}`],
  CreateAccessKey: ["AccessKey", (o) => `access key:${o.AccessKey.AccessKeyId}`],
  UploadSigningCertificate: ["Certificate", (o) => `signing certificate:${o.Certificate.CertificateId}`],
  UploadSSHPublicKey: ["SSHPublicKey", (o) => `SSH public key:${o.SSHPublicKey.SSHPublicKeyId}`],
  CreateLoginProfile: ["LoginProfile", (o) => `login profile:${o.LoginProfile.UserName}`],
};

/** Renames and moves: the kind of entity, and the noun in the request's fields (UserName, NewUserName). */
const MOVES: Record<string, ["user" | "group", "User" | "Group"]> = {
  UpdateUser: ["user", "User"],
  UpdateGroup: ["group", "Group"],
};

/** Inline policies put: recorded as GetUserPolicy (...) answers them, the document URL-encoded as IAM sends it. */
const INLINE: Record<string, ["user" | "group" | "role", string]> = {
  PutUserPolicy: ["user", "UserName"],
  PutGroupPolicy: ["group", "GroupName"],
  PutRolePolicy: ["role", "RoleName"],
};

/** Actions on the caller's own user when they name none. */
const OWN_USER = /AccessKey|SigningCertificate|SSHPublicKey|ServiceSpecificCredential|MFADevice/;

export class PlanState {
  readonly view: AccountView;
  readonly steps = new Map<string, PlanStep>();
  private readonly records = new Map<string, Record<string, unknown>>();
  /** The name IAM knows an entity by where it is not the entity's own: undefined for one the plan created, the old name for one it renamed. */
  private readonly origins = new Map<string, string | undefined>();
  private readonly touchedKeys = new Set<string>();
  private readonly realEntities = new Map<string, Promise<Record<string, unknown>>>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly reads: PlanReads;

  constructor(
    private readonly iam: IAM,
    /** The account the plan's credentials belong to: the ARNs of what the plan creates name it. */
    private readonly account: Account,
    debug: (message: string) => void,
  ) {
    this.view = new AccountView(iam, debug);
    this.reads = {
      view: this.view,
      touched: (kind, name) => this.touchedKeys.has(`${kind}:${name}`),
      touchedNames: (kind) => [...this.touchedKeys].filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1)),
      origin: (kind, name) => (this.origins.has(`${kind}:${name}`) ? this.origins.get(`${kind}:${name}`) : name),
      record: (key) => this.records.get(key),
      caller: () => this.view.callerName(),
      entity: async (kind, name) => this.records.get(`${kind}:${name}`) ?? this.realEntity(kind, name),
      realRead: (action, input) => realRead(iam, action, input),
      realList: (action, input, field) =>
        collect((Marker) => realRead(iam, action, { ...input, Marker, MaxItems: undefined }), (page) => page[field]),
    };
  }

  /** Answers one request of a step; requests are taken one at a time so each sees the ones before it. */
  answer(step: string, action: string, input: Record<string, any>): Promise<PlanAnswer> {
    const next = this.queue.then(() => (isReadOnly(action) ? this.read(action, input) : this.change(this.step(step), action, input)));
    this.queue = next.catch(() => {});
    return next;
  }

  /** A step's own report of how it ended. */
  report(step: string, report: StepReport): void {
    const entry = this.step(step);
    entry.commandLine = report.commandLine;
    entry.code = report.code;
    // The step's own list has its local changes too, in the order it made its requests.
    entry.changes = planDocument(report.changes).DryRun;
  }

  private step(id: string): PlanStep {
    if (!this.steps.has(id)) this.steps.set(id, { changes: [] });
    return this.steps.get(id)!;
  }

  private async change(step: PlanStep, action: string, given: Record<string, any>): Promise<PlanAnswer> {
    const owner = given.UserName ?? (OWN_USER.test(action) ? await this.view.callerName() : undefined);
    const input = await chosenIds(action, given, this.account, () => this.nextVersion(given.PolicyArn));
    const refusal = await predictStep(action, input, this.view);
    step.changes.push(...planDocument([{ Action: action, Input: given }]).DryRun);
    if (refusal) {
      step.refusal = `${refusal.code}: ${action}: ${refusal.why}`;
      return { error: { code: refusal.code, message: refusal.why, status: STATUS[refusal.code] ?? 400 } };
    }
    const output = placeholderAnswer(action, input, this.account, owner);
    this.remember(action, input, output, owner);
    if (MOVES[action]) await this.moved(...MOVES[action], input);
    return { output };
  }

  private remember(action: string, input: Record<string, any>, output: Record<string, any>, owner?: string): void {
    for (const [kind, key] of NAMING) if (input[key] !== undefined) this.touchedKeys.add(`${kind}:${input[key]}`);
    if (owner !== undefined) this.touchedKeys.add(`user:${owner}`);
    const created = CREATED[action];
    if (created) {
      const key = created[1](output);
      this.records.set(key, output[created[0]]);
      this.origins.set(key, undefined);
    }
    const inline = INLINE[action];
    if (inline) {
      const [kind, nameKey] = inline;
      const document = { [nameKey]: input[nameKey], PolicyName: input.PolicyName, PolicyDocument: encodeURIComponent(input.PolicyDocument) };
      this.records.set(`${kind} policy:${input[nameKey]}:${input.PolicyName}`, document);
    }
  }

  /**
   * A planned rename or move of a user or group: its record under the new name and path, and what
   * IAM knows it by. The records of what it holds (login profile, inline policies, credentials)
   * name it anew, and IAM's answers about the entities that name it (a user's groups, a group's
   * members) are out of date.
   */
  private async moved(kind: "user" | "group", noun: "User" | "Group", input: Record<string, any>): Promise<void> {
    const from: string = input[`${noun}Name`];
    const to: string = input[`New${noun}Name`] ?? from;
    this.records.set(`${kind}:${to}`, movedRecord(this.account, noun, await this.reads.entity(kind, from), to, input.NewPath));
    if (to === from) return;
    this.origins.set(`${kind}:${to}`, this.reads.origin(kind, from));
    this.records.delete(`${kind}:${from}`);
    const field = `${noun}Name`;
    for (const [key, record] of [...this.records]) {
      if (record[field] !== from) continue;
      // Keys name their entity second: `login profile:ann`, `user policy:ann:inline`.
      const [what, name, ...rest] = key.split(":");
      this.records.delete(key);
      this.records.set([what, name === from ? to : name, ...rest].join(":"), { ...record, [field]: to });
    }
    const model = kind === "user" ? await this.view.user(to) : await this.view.group(to);
    const naming = model && ("users" in model ? [...model.users].map((user) => `user:${user}`) : [...model.groups].map((group) => `group:${group}`));
    for (const key of naming ?? []) this.touchedKeys.add(key);
  }

  /** The version id IAM gives a new policy version: one past the highest it holds. */
  private async nextVersion(arn: string): Promise<string> {
    const versions = (await this.view.policy(arn))?.versions ?? new Map();
    const numbers = [...versions.keys()].map((id) => Number(/^v(\d+)$/.exec(id)?.[1] ?? 0));
    return `v${Math.max(0, ...numbers) + 1}`;
  }

  private async read(action: string, input: Record<string, any>): Promise<PlanAnswer> {
    try {
      const output = await planRead(this.reads, action, input);
      return output ? { output } : { pass: true };
    } catch (err) {
      if (err instanceof NotFound) return { error: { code: "NoSuchEntity", message: err.message, status: 404 } };
      throw err;
    }
  }


  /** An entity the plan did not create, as IAM describes it (read once). */
  private realEntity(kind: Kind, name: string): Promise<Record<string, unknown>> {
    const key = `${kind}:${name}`;
    if (!this.realEntities.has(key)) this.realEntities.set(key, REAL_READS[kind](this.iam, name));
    return this.realEntities.get(key)!;
  }
}

/** A read sent to IAM by its action's name, which a step's request carries as a string. */
function realRead(iam: IAM, action: string, input: Record<string, any>): Promise<Record<string, any>> {
  return send(iam, action as IamOperation, input as IamInput<IamOperation>) as Promise<Record<string, any>>;
}

const REAL_READS: Record<Kind, (iam: IAM, name: string) => Promise<Record<string, any>>> = {
  user: async (iam, name) => (await iam.getUser({ UserName: name })).User!,
  group: async (iam, name) => (await iam.getGroup({ GroupName: name, MaxItems: 1 })).Group!,
  role: async (iam, name) => (await iam.getRole({ RoleName: name })).Role!,
  "instance profile": async (iam, name) => (await iam.getInstanceProfile({ InstanceProfileName: name })).InstanceProfile!,
  policy: async (iam, arn) => (await iam.getPolicy({ PolicyArn: arn })).Policy!,
};
