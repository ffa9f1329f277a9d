import type { IAM } from "@aws-sdk/client-iam";
import { REMAINS, SIGNED_WITH, serviceErrorCode } from "../core/errors.js";

type Client = Pick<IAM, "middlewareStack">;

/** Runs `onError` on every failed request of `client` before the error goes on. */
function onFailedRequest<C extends Client>(client: C, name: string, onError: (err: object, action: string, input: object) => Promise<void> | void): C {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if (err && typeof err === "object") await onError(err, String(context.commandName).replace(/Command$/, ""), args.input as object);
        throw err;
      }
    },
    { step: "initialize", name },
  );
  return client;
}

/**
 * Marks each failed request with where its signing key came from (read when it fails: the SDK
 * chain's description is refined once it has settled), so that a refused key names its source.
 */
export function nameSigningKey<C extends Client>(client: C, source: { description: string }): C {
  return onFailedRequest(client, "iamkitNameSigningKey", (err) => {
    (err as { [SIGNED_WITH]?: string })[SIGNED_WITH] = source.description;
  });
}

/**
 * A delete that IAM refuses with DeleteConflict names only the first kind of thing in the way:
 * the account is then read as a dry run reads it, and the error says everything that remains and
 * the command's own flag that removes it (-c for roles and instance profiles, as in euca2ools).
 */
export function explainDeleteConflicts(iam: IAM, debug: (message: string) => void, recursiveFlag: string): IAM {
  return onFailedRequest(iam, "iamkitExplainDeleteConflicts", async (err, action, input) => {
    if (serviceErrorCode(err) !== "DeleteConflict") return;
    const [{ AccountView }, { predict }] = await Promise.all([import("../iam/account-view.js"), import("../iam/predictions.js")]);
    try {
      const refusal = await predict(action, input as Record<string, unknown>, new AccountView(iam, debug));
      if (refusal?.code === "DeleteConflict") (err as { [REMAINS]?: string })[REMAINS] = refusal.why.replace(/\bor use -r\)$/, `or use ${recursiveFlag})`);
    } catch (cause) {
      // The refusal stands as IAM gave it when the account cannot be read (a read the caller may not do).
      debug(`could not list what remains: ${serviceErrorCode(cause) ?? (cause as Error).message}`);
    }
  });
}
