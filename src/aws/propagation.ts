import type { IAM } from "@aws-sdk/client-iam";
import { ConfigError, serviceErrorCode } from "../core/errors.js";

/**
 * IAM is eventually consistent: for seconds after a create, other requests may answer NoSuchEntity
 * for the new entity. A request refused so, for an entity this machine created within the budget
 * (in this command, or in another one: the record), is sent again with backoff until IAM shows the
 * entity or the budget since its creation runs out. Any other NoSuchEntity fails at once.
 */

export type EntityKind = "user" | "group" | "role" | "instance profile" | "policy" | "access key";

export interface Entity {
  kind: EntityKind;
  /** The name, or for a managed policy its ARN and for an access key its id. */
  name: string;
}

/** The entities this machine created recently, kept between commands (src/iam/recent-creates.ts). */
export interface CreatedRecord {
  add(entity: Entity, at: number): Promise<void>;
  /** Drops `entity`: it was deleted or renamed. */
  forget(entity: Entity): Promise<void>;
  /** When `entity` was created here, if that is in the record. */
  createdAt(entity: Entity): Promise<number | undefined>;
  /** When the newest entity in the record was created. */
  newest(): Promise<number | undefined>;
}

export interface PropagationSettings {
  /** How long after its creation an entity is waited for; 0 turns waiting off. */
  budgetMs: number;
  record: CreatedRecord;
  /** Told once per command when it first waits, and in a dry run once per entity taken as there. */
  announce(message: string): void;
}

/**
 * On a request's input (a symbol key, never sent): a NoSuchEntity for an entity created here is
 * not waited for but thrown at once, marked CREATED_HERE. A check before a command's first change
 * takes such an entity as existing, so that waiting for it overlaps with waiting for the command's
 * own new entity.
 */
const NO_WAIT = Symbol("iamkit: no wait");
export const CREATED_HERE = Symbol("iamkit: created here");

/**
 * On a DeleteConflict, when this machine created something within the budget: the time until
 * which the conflict may come from a dependent IAM's listings do not show yet (a key created
 * moments ago). A recursive delete lists and removes again until then (src/iam/dependents.ts).
 */
export const SETTLED_BY = Symbol("iamkit: settled by");

/** The input of a read that must not wait for an entity created here (see NO_WAIT). */
export const noWait = <T extends object>(input: T): T => Object.assign(input, { [NO_WAIT]: true });

const DEFAULT_BUDGET_SECONDS = 60;
const FIRST_DELAY_MS = 200;
const LONGEST_DELAY_MS = 2_000;

/** A record loaded on first use: a command that creates nothing and meets no NoSuchEntity never loads it. */
export function lazyRecord(load: () => Promise<CreatedRecord>): CreatedRecord {
  let record: Promise<CreatedRecord> | undefined;
  const opened = () => (record ??= load());
  return {
    add: async (entity, at) => (await opened()).add(entity, at),
    forget: async (entity) => (await opened()).forget(entity),
    createdAt: async (entity) => (await opened()).createdAt(entity),
    newest: async () => (await opened()).newest(),
  };
}

/** --propagation-timeout, else IAMKIT_PROPAGATION_TIMEOUT, else 60 s: in milliseconds. */
export function propagationBudget(flag: number | undefined, env: NodeJS.ProcessEnv): number {
  const raw = env.IAMKIT_PROPAGATION_TIMEOUT || undefined;
  if (flag === undefined && raw !== undefined && !/^\d+(\.\d+)?$/.test(raw)) {
    throw new ConfigError(`IAMKIT_PROPAGATION_TIMEOUT must be a number of seconds (0 turns waiting off), not "${raw}"`);
  }
  return (flag ?? (raw === undefined ? DEFAULT_BUDGET_SECONDS : Number(raw))) * 1000;
}

type Input = Record<string, any>;
const named = (kind: EntityKind, name: unknown): Entity | undefined => (typeof name === "string" && name ? { kind, name } : undefined);

/** What each create (or rename) makes, from its input or its answer. */
const MADE: Record<string, (input: Input, output: Input) => Entity | undefined> = {
  CreateUser: (input) => named("user", input.UserName),
  CreateGroup: (input) => named("group", input.GroupName),
  CreateRole: (input) => named("role", input.RoleName),
  CreateInstanceProfile: (input) => named("instance profile", input.InstanceProfileName),
  CreatePolicy: (_input, output) => named("policy", output.Policy?.Arn),
  CreateAccessKey: (_input, output) => named("access key", output.AccessKey?.AccessKeyId),
  UpdateUser: (input) => named("user", input.NewUserName),
  UpdateGroup: (input) => named("group", input.NewGroupName),
};

/** What each delete (or rename) removes: a NoSuchEntity for it is then final, whoever created it. */
const GONE: Record<string, (input: Input) => Entity | undefined> = {
  DeleteUser: (input) => named("user", input.UserName),
  DeleteGroup: (input) => named("group", input.GroupName),
  DeleteRole: (input) => named("role", input.RoleName),
  DeleteInstanceProfile: (input) => named("instance profile", input.InstanceProfileName),
  DeletePolicy: (input) => named("policy", input.PolicyArn),
  DeleteAccessKey: (input) => named("access key", input.AccessKeyId),
  UpdateUser: (input) => (input.NewUserName ? named("user", input.UserName) : undefined),
  UpdateGroup: (input) => (input.NewGroupName ? named("group", input.GroupName) : undefined),
};

/**
 * The entity a NoSuchEntity message says is missing, in IAM's wordings ("The user with name bob
 * cannot be found.", "Instance Profile web cannot be found.", "Policy arn:... does not exist or is
 * not attachable.", "The Access Key with id AKIA... cannot be found.") and the shorter ones of
 * emulators ("Role web not found"). Undefined when the message names none: never waited for.
 */
function missingEntity(message: string): Entity | undefined {
  const policy = /(arn:[\w-]+:iam::\d*:policy\/\S+?)\.?\s+(?:does not exist|was not found|not found)/i.exec(message);
  if (policy) return { kind: "policy", name: policy[1] };
  const key = /\bAccess Key with id (\S+?)\.? cannot be found/i.exec(message);
  if (key) return { kind: "access key", name: key[1] };
  const named = /^(?:The )?(user|group|role|instance profile) (?:with name )?(\S+?)\.? (?:cannot be|not) found/i.exec(message.trim());
  return named ? { kind: named[1].toLowerCase() as EntityKind, name: named[2] } : undefined;
}

/** The pause before the n-th resend (1-based): 0.2 s, 0.4 s, 0.8 s, 1.6 s, then 2 s each time, never past `leftMs`. */
export function pauseBeforeResend(n: number, leftMs: number): Promise<void> {
  return new Promise((done) => setTimeout(done, Math.min(FIRST_DELAY_MS * 2 ** (n - 1), LONGEST_DELAY_MS, leftMs)));
}

const key = (e: Entity) => `${e.kind}:${e.name}`;

/**
 * Adds the wait to the IAM client, outside the SDK's own retries. A dry run's creates are held
 * back and make nothing, so it learns none; and it waits for nothing: an entity created here that
 * IAM does not show yet is noted once and taken as there (CREATED_HERE), as the plan's reads expect.
 */
export function waitForNewEntities(client: IAM, settings: PropagationSettings, dryRun: boolean): void {
  if (settings.budgetMs === 0) return;
  const createdHere = new Map<string, number>();
  const told = new Set<string>();
  const tellOnce = (topic: string, message: string) => {
    if (!told.has(topic)) settings.announce(message);
    told.add(topic);
  };
  /** When the entity was created by this command or, asked only now, by an earlier one. */
  const createdAt = async (entity: Entity) => createdHere.get(key(entity)) ?? (await settings.record.createdAt(entity));
  /** When this command or, asked only now, an earlier one last created something. */
  const newest = async () => Math.max(...createdHere.values(), (await settings.record.newest()) ?? -Infinity);

  async function learn(action: string, input: Input, output: Input): Promise<void> {
    if (dryRun) return;
    const gone = GONE[action]?.(input);
    if (gone) {
      createdHere.delete(key(gone));
      await settings.record.forget(gone);
    }
    const made = MADE[action]?.(input, output);
    if (made) {
      const now = Date.now();
      createdHere.set(key(made), now);
      await settings.record.add(made, now);
    }
  }

  /** Returns how long to wait before sending the request again, or throws `err` (marked where that helps). */
  async function judge(err: unknown, input: object): Promise<number> {
    const code = serviceErrorCode(err);
    if (code === "DeleteConflict") {
      const settledBy = (await newest()) + settings.budgetMs;
      throw settledBy > Date.now() ? Object.assign(err as object, { [SETTLED_BY]: settledBy }) : err;
    }
    const missing = code === "NoSuchEntity" ? missingEntity((err as Error).message) : undefined;
    const born = missing && (await createdAt(missing));
    if (!missing || born === undefined || born + settings.budgetMs <= Date.now()) throw err;
    const entity = `${missing.kind} ${missing.name}`;
    const age = `${((Date.now() - born) / 1000).toFixed(1)} s ago`;
    if (dryRun) tellOnce(key(missing), `note: ${entity} was created here ${age} and IAM does not show it yet; the dry run takes it as there`);
    if (dryRun || (input as { [NO_WAIT]?: boolean })[NO_WAIT]) throw Object.assign(err as object, { [CREATED_HERE]: true });
    tellOnce("waiting", `waiting for IAM to show ${entity}, created here ${age} (up to ${settings.budgetMs / 1000} s after its creation)`);
    return born + settings.budgetMs - Date.now();
  }

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = String(context.commandName ?? "").replace(/Command$/, "");
      for (let n = 1; ; n++) {
        try {
          const result = await next(args);
          await learn(action, args.input as Input, result.output as Input);
          return result;
        } catch (err) {
          await pauseBeforeResend(n, await judge(err, args.input as object));
        }
      }
    },
    { step: "initialize", name: "iamkitPropagation", priority: "high" },
  );
}
