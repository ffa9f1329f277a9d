import { resolve } from "node:path";
import type { AccessKey } from "@aws-sdk/client-iam";
import type { Context } from "../../core/context.js";
import { option, optionGroup, type OptionsOf } from "../../core/define.js";
import type { PlannedStep } from "../../core/context.js";
import { PartialFailure } from "../../core/errors.js";
import { runCleanup } from "../../core/cleanup.js";
import { integerInRange } from "./options.js";
import {
  checkProfileName,
  describeTarget,
  checkTarget,
  openTarget,
  sharedCredentialsFile,
  type CredentialTarget,
  type OpenTarget,
} from "../../iam/credential-files.js";
import { waitUntilKeyWorks } from "../../iam/propagation.js";

/**
 * What happens to a new access key after CreateAccessKey, for iam-usercreate -k and
 * iam-useraddkey: printed (the legacy behaviour), or written to a credential file and then only
 * its id printed; optionally verified against STS before the command succeeds.
 */

export type DeliveryOptions = OptionsOf<ReturnType<typeof deliveryOptions>>;

/** A new key as reported: SecretAccessKey is absent once the secret went to a file. */
export type DeliveredKey = Omit<AccessKey, "SecretAccessKey"> & { SecretAccessKey?: string };

export const DEFAULT_WAIT_SECONDS = 60;

export const waitTimeout = () =>
  option({
    key: "waitTimeout",
    long: "wait-timeout",
    metavar: "SECONDS",
    description: `how long to keep asking STS whether the new key works (default ${DEFAULT_WAIT_SECONDS})`,
    parse: integerInRange("--wait-timeout", 0, 3600),
  });

export const deliveryOptions = () =>
  optionGroup([
    {
      key: "writeCredentialFile",
      long: "write-credential-file",
      metavar: "FILE",
      description: "write the new key to this IAMCli credential file (mode 0600) and print only its id",
    },
    {
      key: "writeProfile",
      long: "write-profile",
      metavar: "PROFILE",
      description: "write the new key to this profile of AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials and print only its id",
      parse: checkProfileName,
    },
    { key: "force", long: "force", description: "let --write-credential-file or --write-profile replace credentials already there" },
    { key: "wait", long: "wait", description: "succeed only once STS accepts the new key (IAM takes seconds to propagate it)" },
    waitTimeout(),
  ]);

/** The cross-option rules of deliveryOptions(); `keyOption` names the flag that creates the key, if any. */
export function checkDelivery(opts: DeliveryOptions, createsKey: boolean, keyOption?: string): string | undefined {
  if (opts.writeCredentialFile !== undefined && opts.writeProfile !== undefined) {
    return "give --write-credential-file or --write-profile, not both";
  }
  const writes = opts.writeCredentialFile !== undefined || opts.writeProfile !== undefined;
  if (opts.force && !writes) return "--force only applies with --write-credential-file or --write-profile";
  if (opts.waitTimeout !== undefined && !opts.wait) return "--wait-timeout only applies with --wait";
  if (!createsKey && (writes || opts.wait)) {
    const used = opts.writeCredentialFile !== undefined ? "--write-credential-file" : opts.writeProfile !== undefined ? "--write-profile" : "--wait";
    return `${used} needs ${keyOption}: without it no access key is created`;
  }
  return undefined;
}

/**
 * Opens the file to write, before any request: a file that would be refused stops the command
 * first. Opening creates the file's directory, so a dry run plans the write instead, after the
 * same checks.
 */
export async function prepareDelivery(ctx: Context, opts: DeliveryOptions): Promise<OpenTarget | undefined> {
  const mode = opts.force ? "replace" : "create";
  const target: CredentialTarget | undefined =
    opts.writeCredentialFile !== undefined
      ? { file: resolve(ctx.cwd, opts.writeCredentialFile) }
      : opts.writeProfile !== undefined
        ? { file: sharedCredentialsFile(ctx.env, ctx.cwd), profile: opts.writeProfile }
        : undefined;
  if (!target) return undefined;
  return ctx.change(() => openTarget(target, mode, ctx.warn), credentialWrite(target), () => checkTarget(target, mode));
}

/** What undoNewKey did: whether the key is gone, and the lines that report it. */
export interface Undone {
  keyDeleted: boolean;
  report: string[];
}

/**
 * Undoes a new key whose secret reached no one: the key deleted, then the file back as it was.
 * It runs as a cleanup (src/core/cleanup.ts): after SIGINT, SIGTERM or the deadline too, bounded
 * in time. A key that cannot be deleted stays in the file: its secret is then the only way to use
 * the key or to know what it is, and a warning says where it is.
 */
export function undoNewKey(ctx: Context<"DeleteAccessKey">, key: AccessKey, target: OpenTarget | undefined): Promise<Undone> {
  const id = key.AccessKeyId!;
  return runCleanup(async (bound) => {
    try {
      await ctx.iam.deleteAccessKey({ UserName: key.UserName, AccessKeyId: id });
    } catch (err) {
      const left = `could not delete the new key ${id} (${(err as Error).message}); delete it with: iam-userdelkey -u ${key.UserName} -k ${id}`;
      const kept = target?.hasWritten() ? [`WARNING: the new key ${id} is active and its secret is kept in ${describeTarget(target.target)}`] : [];
      return { keyDeleted: false, report: [left, ...kept] };
    }
    const undone = [`deleted the new key ${id}`];
    const left: string[] = [];
    try {
      if (await target?.restore(bound)) undone.push(`restored ${describeTarget(target!.target)}`);
    } catch (err) {
      left.push(`could not restore ${describeTarget(target!.target)} (${(err as Error).message})`);
    }
    return { keyDeleted: true, report: [`rolled back: ${undone.join(", ")}`, ...left] };
  });
}

/**
 * Writes and verifies a key CreateAccessKey just returned. Returns the key to report: without its
 * secret once the secret is in a file, so that neither the text output nor --json repeats it.
 * Any failure deletes the key again and restores the file: an unverified or unsaved key is of no
 * use to anyone, and its secret can never be read again. So does a failure to print the secret.
 * A key that cannot be deleted keeps its secret: in the file, or printed although the run fails.
 */
export async function deliverKey(ctx: Context<"DeleteAccessKey" | "sts:GetCallerIdentity">, key: AccessKey, target: OpenTarget | undefined, opts: DeliveryOptions): Promise<DeliveredKey> {
  try {
    if (target) {
      await target.write({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, ctx.signal);
      ctx.debug(`wrote the new key ${key.AccessKeyId} to ${describeTarget(target.target)}`);
    }
    if (opts.wait) await verifyNewKey(ctx, key, opts.waitTimeout ?? DEFAULT_WAIT_SECONDS);
  } catch (err) {
    const { keyDeleted, report } = await undoNewKey(ctx, key, target);
    if (keyDeleted || target) throw new PartialFailure(err, report);
    // A key that is still active, with its secret nowhere else: printed, and the run fails all the same.
    ctx.failAfterPrinting(new PartialFailure(err, [...report, `WARNING: the new key ${key.AccessKeyId} is active; its secret is printed above`]));
    return key;
  }
  // A planned run writes no file but prints what the real run would: the id alone. (A dry run
  // has no key at all: CreateAccessKey was held back.)
  const written = target !== undefined || opts.writeCredentialFile !== undefined || opts.writeProfile !== undefined;
  if (!written || key === undefined) {
    // The secret is printed, nowhere else: if standard output refuses it, the key is of no use.
    ctx.undoUnlessPrinted(async () => (await undoNewKey(ctx, key, undefined)).report);
    return key;
  }
  const { SecretAccessKey: _written, ...withoutSecret } = key;
  return withoutSecret;
}

/** The credential file or profile a new key goes to, as a dry run's plan lists it. */
export function credentialWrite(target: CredentialTarget): PlannedStep {
  return { Action: "write credentials", Input: { File: target.file, Profile: target.profile } };
}

/**
 * Waits until STS accepts a new key; a dry run made no key, so it plans the check instead. After
 * SIGINT or SIGTERM the failure is the interruption, whatever the last STS request said.
 */
export async function verifyNewKey(ctx: Context<"sts:GetCallerIdentity">, key: AccessKey, timeoutSeconds: number): Promise<void> {
  try {
    await ctx.change(() => waitUntilKeyWorks(ctx, key, timeoutSeconds), { Action: "sts:GetCallerIdentity", Input: {} });
  } catch (err) {
    ctx.signal.throwIfAborted();
    throw err;
  }
}
