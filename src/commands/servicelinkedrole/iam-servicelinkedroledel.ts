import { defineCommand } from "../../core/define.js";
import { awaitDeletion, DELETION_TIMEOUT_SECONDS, type DeletionOutcome } from "../../iam/service-linked-roles.js";
import { roleName } from "../shared/options.js";

export default defineCommand({
  name: "iam-servicelinkedroledel",
  summary: "Delete a service-linked role once its service no longer uses it, following IAM's deletion task to its end.",
  operations: ["DeleteServiceLinkedRole", "GetServiceLinkedRoleDeletionStatus"],
  positional: "roleName",
  options: [
    roleName(),
    {
      key: "wait",
      long: "no-wait",
      description: `print the deletion task's id and return at once, instead of waiting up to ${DELETION_TIMEOUT_SECONDS} s for it to end`,
    },
  ],
  output: ["[with --no-wait, or when the task is still running after the wait] the deletion task id"],
  example: "iam-servicelinkedroledel -r AWSServiceRoleForAutoScaling_web",
  async run({ iam, debug, warn }, { roleName, wait }): Promise<{ DeletionTaskId?: string } & Partial<DeletionOutcome>> {
    const { DeletionTaskId } = await iam.deleteServiceLinkedRole({ RoleName: roleName });
    // A dry run starts no task, so there is none to follow.
    if (!wait || DeletionTaskId === undefined) return { DeletionTaskId };
    const outcome = await awaitDeletion(iam, DeletionTaskId, debug);
    if (outcome.Status === "FAILED") throw new Error(`IAM did not delete role ${roleName}: ${outcome.Reason}`);
    if (outcome.Status === "IN_PROGRESS") warn(`deletion task still running after ${DELETION_TIMEOUT_SECONDS} s; its id follows`);
    return { DeletionTaskId, ...outcome };
  },
  render: ({ DeletionTaskId, Status }) => (Status === "SUCCEEDED" || DeletionTaskId === undefined ? [] : [DeletionTaskId]),
});
