import type { RoleUsageType } from "@aws-sdk/client-iam";
import type { IamClient } from "../core/operations.js";
import { pollWithBackoff } from "./polling.js";

/**
 * Deleting a service-linked role is a task IAM runs on its own: the service first checks that no
 * resource still uses the role. DeleteServiceLinkedRole starts it; its status says how it ended.
 */

/** Most tasks end in seconds; past this, the task id is the way to ask later. */
export const DELETION_TIMEOUT_SECONDS = 300;

export type DeletionOutcome = { Status: "SUCCEEDED" } | { Status: "FAILED"; Reason: string } | { Status: "IN_PROGRESS" };

/** "the role is used by i-0abc in us-east-1": IAM's reason and the resources it names. */
function failureReason(reason: string | undefined, usage: RoleUsageType[] | undefined): string {
  const users = (usage ?? []).flatMap((u) => (u.Resources ?? []).map((r) => `${r} in ${u.Region}`));
  return [reason ?? "the service refused", ...(users.length ? [`still used by ${users.join(", ")}`] : [])].join("; ");
}

/** Waits for the deletion task to end (or the timeout), reporting each status through `debug`. */
export async function awaitDeletion(
  iam: IamClient<"GetServiceLinkedRoleDeletionStatus">,
  DeletionTaskId: string,
  debug: (message: string) => void,
  timeoutSeconds = DELETION_TIMEOUT_SECONDS,
): Promise<DeletionOutcome> {
  const ended = await pollWithBackoff(async () => {
    const { Status, Reason } = await iam.getServiceLinkedRoleDeletionStatus({ DeletionTaskId });
    debug(`deletion task ${DeletionTaskId}: ${Status}`);
    if (Status === "SUCCEEDED") return { Status } as const;
    if (Status === "FAILED") return { Status, Reason: failureReason(Reason?.Reason, Reason?.RoleUsageList) } as const;
    return undefined;
  }, timeoutSeconds * 1000);
  return ended ?? { Status: "IN_PROGRESS" };
}
