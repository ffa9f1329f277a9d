import type { AccessKey } from "@aws-sdk/client-iam";
import type { Context } from "../core/context.js";
import { serviceErrorCode } from "../core/errors.js";
import { pollWithBackoff } from "./polling.js";

/** What STS answers for a key it has not learned yet; anything else is final. */
const NOT_PROPAGATED = "InvalidClientTokenId";

/** True when `arn` is the ARN of the IAM user `userName` (any path). */
function isUserArn(arn: string, userName: string): boolean {
  return /^arn:[\w-]+:iam::\d+:user\//.test(arn) && arn.slice(arn.lastIndexOf("/") + 1) === userName;
}

function describe(err: unknown): string {
  const code = serviceErrorCode(err);
  const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
  return code ? `${code}: ${message}` : message;
}

/**
 * New IAM keys take seconds to reach STS (AWS says to expect a delay and offers no waiter), so
 * this asks STS GetCallerIdentity with the new key, with backoff, until it authenticates as the
 * key's user or `timeoutSeconds` pass. Only InvalidClientTokenId is retried: every other answer
 * means waiting will not help. Throws when the key is not verified; returns the ARN otherwise.
 */
export async function waitUntilKeyWorks(ctx: Pick<Context<"sts:GetCallerIdentity">, "auth" | "debug">, key: AccessKey, timeoutSeconds: number): Promise<string> {
  const id = key.AccessKeyId!;
  const sts = await ctx.auth.sts({ accessKeyId: id, secretAccessKey: key.SecretAccessKey! });
  let lastAnswer = "";
  const arn = await pollWithBackoff(async (attempt) => {
    try {
      return (await sts.getCallerIdentity({})).Arn ?? "";
    } catch (err) {
      if (serviceErrorCode(err) !== NOT_PROPAGATED) throw new Error(`could not verify the new key ${id} with STS (${describe(err)})`);
      lastAnswer = NOT_PROPAGATED;
      ctx.debug(`new key ${id} not accepted by STS yet (attempt ${attempt})`);
      return undefined;
    }
  }, timeoutSeconds * 1000);
  if (arn === undefined) {
    throw new Error(`the new key ${id} did not authenticate with STS within ${timeoutSeconds} s (last answer: ${lastAnswer})`);
  }
  if (!isUserArn(arn, key.UserName!)) {
    throw new Error(`STS took the new key ${id} for ${arn || "an unnamed identity"}, not for user ${key.UserName}`);
  }
  ctx.debug(`new key ${id} authenticates as ${arn}`);
  return arn;
}
