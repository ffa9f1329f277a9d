import { resolve } from "node:path";
import type { AccessKey } from "@aws-sdk/client-iam";
import type { Context } from "../../core/context.js";
import { defineCommand } from "../../core/define.js";
import { PartialFailure, UsageError } from "../../core/errors.js";
import { ownerUserName } from "../shared/options.js";
import {
  checkProfileName,
  describeTarget,
  openTarget,
  sharedCredentialsFile,
  type CredentialTarget,
} from "../../iam/credential-files.js";
import { credentialWrite, DEFAULT_WAIT_SECONDS, undoNewKey, verifyNewKey, waitTimeout } from "../shared/key-delivery.js";
import { collect } from "../../iam/paginate.js";

interface RotatedKey {
  AccessKeyId: string;
  /** Active for the new key; Inactive, or Deleted with --delete-old, for the old one. */
  Status: "Active" | "Inactive" | "Deleted";
}

interface Result {
  UserName: string;
  /** The file rewritten, and the profile in it when one was rotated. */
  CredentialFile: string;
  Profile?: string;
  OldAccessKey: RotatedKey;
  NewAccessKey: RotatedKey & { CreateDate?: Date };
}

/**
 * The credentials to rewrite, most explicit first: --credential-file, then --profile (which keeps
 * its usual meaning for signing too, unless an IAMCli credential file is in use), then the IAMCli
 * credential file this run signs with.
 */
function rotationTarget(ctx: Context, credentialFile: string | undefined): CredentialTarget {
  if (credentialFile !== undefined) return { file: resolve(ctx.cwd, credentialFile) };
  if (ctx.auth.profile !== undefined) {
    return { file: sharedCredentialsFile(ctx.env, ctx.cwd), profile: checkProfileName(ctx.auth.profile) };
  }
  if (ctx.auth.legacyFile) return { file: ctx.auth.legacyFile };
  throw new UsageError("no credentials named to rotate: give --credential-file FILE or --profile NAME");
}

export default defineCommand({
  name: "iam-userrotatekey",
  summary: "Replace the access key in a credential file with a new one, verified with STS before the old key is retired.",
  operations: ["ListAccessKeys", "CreateAccessKey", "sts:GetCallerIdentity", "UpdateAccessKey", "DeleteAccessKey"],
  positional: "userName",
  options: [
    ownerUserName("key to rotate"),
    {
      key: "credentialFile",
      long: "credential-file",
      metavar: "FILE",
      description:
        "the IAMCli credential file to rotate (default: the profile named by --profile, else the IAMCli credential file in use)",
    },
    { key: "deleteOld", long: "delete-old", description: "delete the old key instead of making it Inactive" },
    waitTimeout(),
  ],
  output: ["old <old key id> Inactive (Deleted with --delete-old)", "new <new key id> Active"],
  example: "iam-userrotatekey -u david --credential-file ~/.aws/david.cred --delete-old",

  async run(ctx, { userName, credentialFile, deleteOld, waitTimeout: seconds = DEFAULT_WAIT_SECONDS }): Promise<Result> {
    const file = await openTarget(rotationTarget(ctx, credentialFile), "rotate", ctx.warn);
    const where = describeTarget(file.target);
    const oldId = file.currentKeyId!;
    ctx.debug(`rotating the key ${oldId} held in ${where}`);

    const keys = await collect(
      (Marker) => ctx.iam.listAccessKeys({ UserName: userName, Marker }),
      (page) => page.AccessKeyMetadata,
    );
    const owner = userName ?? keys[0]?.UserName;
    const whose = owner ? `user ${owner}` : "the user whose credentials are in use";
    if (!keys.some((k) => k.AccessKeyId === oldId)) throw new Error(`the key in ${where} (${oldId}) is not an access key of ${whose}`);
    const other = keys.find((k) => k.AccessKeyId !== oldId);
    if (other) {
      // IAM allows two keys per user; the one the file does not hold is the one to let go.
      throw new Error(
        `${whose} already has two access keys; delete the one not in ${where} first: ` +
          `iam-userdelkey -u ${other.UserName} -k ${other.AccessKeyId}`,
      );
    }

    const { AccessKey: created } = await ctx.iam.createAccessKey({ UserName: userName });
    // Empty under --dry-run, where no key was made: the steps that use it are planned, not taken.
    const key = created ?? ({} as AccessKey);
    try {
      await ctx.change(async () => {
        await file.write({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, ctx.signal);
        ctx.debug(`wrote the new key ${key.AccessKeyId} to ${where}`);
      }, credentialWrite(file.target));
      await verifyNewKey(ctx, key, seconds);
      // The last step: when the old key signs this run, it is still active for this request.
      await retire(ctx, key.UserName ?? userName, oldId, deleteOld);
    } catch (err) {
      throw new PartialFailure(err, (await undoNewKey(ctx, key, file)).report);
    }
    return {
      UserName: key.UserName!,
      CredentialFile: file.target.file,
      Profile: file.target.profile,
      OldAccessKey: { AccessKeyId: oldId, Status: deleteOld ? "Deleted" : "Inactive" },
      NewAccessKey: { AccessKeyId: key.AccessKeyId!, Status: "Active", CreateDate: key.CreateDate },
    };
  },

  render: ({ OldAccessKey, NewAccessKey }) => [
    `old ${OldAccessKey.AccessKeyId} ${OldAccessKey.Status}`,
    `new ${NewAccessKey.AccessKeyId} ${NewAccessKey.Status}`,
  ],
});

/** The old key's last step: deleted with --delete-old, else deactivated. */
async function retire(ctx: Context<"DeleteAccessKey" | "UpdateAccessKey">, userName: string | undefined, oldId: string, deleteOld: boolean | undefined): Promise<void> {
  if (deleteOld) await ctx.iam.deleteAccessKey({ UserName: userName, AccessKeyId: oldId });
  else await ctx.iam.updateAccessKey({ UserName: userName, AccessKeyId: oldId, Status: "Inactive" });
}
