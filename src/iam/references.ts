import type { Context } from "../core/context.js";
import type { IamClient, Operation } from "../core/operations.js";
import { CREATED_HERE, noWait } from "../aws/propagation.js";

/** One read of an entity a command refers to: IAM refuses it with NoSuchEntity when the entity does not exist. */
export type Reference<Op extends Operation> = (iam: IamClient<Op>) => Promise<unknown>;

export const existingGroup = (GroupName: string): Reference<"GetGroup"> => (iam) => iam.getGroup(noWait({ GroupName, MaxItems: 1 }));
export const existingRole = (RoleName: string): Reference<"GetRole"> => (iam) => iam.getRole(noWait({ RoleName }));
export const existingPolicy = (PolicyArn: string): Reference<"GetPolicy"> => (iam) => iam.getPolicy(noWait({ PolicyArn }));

/** Whether the entity exists, or was created here moments ago and IAM does not show it yet. */
async function existsOrIsNew<Op extends Operation>(iam: IamClient<Op>, read: Reference<Op>): Promise<void> {
  try {
    await read(iam);
  } catch (err) {
    if (!(err as { [CREATED_HERE]?: boolean })[CREATED_HERE]) throw err;
  }
}

/**
 * Before a command's first change: reads every entity it refers to but does not create, all at
 * once, so that a misspelt name fails with IAM's NoSuchEntity while nothing has changed yet. One
 * this machine created moments ago counts as there without waiting: the command's later requests
 * wait for it (src/aws/propagation.ts), alongside its own new entity. A dry run and a plan read
 * them too (they only read), so they are refused as the real run would be: before the first change.
 */
export async function checkReferences<Op extends Operation>(ctx: Pick<Context<Op>, "iam">, references: Reference<NoInfer<Op>>[]): Promise<void> {
  await Promise.all(references.map((read) => existsOrIsNew(ctx.iam, read)));
}
