import type { IamClient } from "../core/operations.js";
import { collect } from "./paginate.js";
import { runWaves, type Task } from "./tasks.js";

/** The actions that find what hangs off a role, and those that remove it and the role. */
export type RoleLookups = "ListInstanceProfilesForRole" | "ListRolePolicies" | "ListAttachedRolePolicies";
export type RoleRemovals = "RemoveRoleFromInstanceProfile" | "DeleteRolePolicy" | "DetachRolePolicy" | "DeleteRole";

/** Everything that makes IAM refuse DeleteRole (a permissions boundary does not, and is left alone). */
export interface RoleAttachments {
  /** Profiles holding the role, as name and ARN: `-c -p` prints ARNs, the removal needs names. */
  instanceProfiles: { name: string; arn: string }[];
  policies: string[];
  attachedPolicies: string[];
}

/** Lists every dependent of a role, all listings in parallel (one wave of requests). */
export async function findRoleAttachments(iam: IamClient<RoleLookups>, roleName: string): Promise<RoleAttachments> {
  const RoleName = roleName;
  const [instanceProfiles, policies, attachedPolicies] = await Promise.all([
    collect((Marker) => iam.listInstanceProfilesForRole({ RoleName, Marker }), (p) => p.InstanceProfiles),
    collect((Marker) => iam.listRolePolicies({ RoleName, Marker }), (p) => p.PolicyNames),
    collect((Marker) => iam.listAttachedRolePolicies({ RoleName, Marker }), (p) => p.AttachedPolicies),
  ]);
  return {
    instanceProfiles: instanceProfiles.map((p) => ({ name: p.InstanceProfileName!, arn: p.Arn! })),
    policies,
    attachedPolicies: attachedPolicies.map((p) => p.PolicyArn!),
  };
}

/**
 * The `-c -p` listing: euca2ools' two sections always, in its order; the dependents IAM added
 * later only when the role has some.
 */
export function roleSections(a: RoleAttachments): [string, string[]][] {
  const legacy: [string, string[]][] = [
    ["instanceprofiles", a.instanceProfiles.map((p) => p.arn)],
    ["policies", a.policies],
  ];
  return a.attachedPolicies.length ? [...legacy, ["attachedpolicies", a.attachedPolicies]] : legacy;
}

/** One task per dependent; all are independent of each other, so they run as one wave. */
function removalTasks(iam: IamClient<RoleRemovals>, RoleName: string, a: RoleAttachments): Task[] {
  return [
    ...a.instanceProfiles.map((p) => ({
      label: `membership of instance profile ${p.name}`,
      run: () => iam.removeRoleFromInstanceProfile({ RoleName, InstanceProfileName: p.name }),
    })),
    ...a.policies.map((name) => ({ label: `policy ${name}`, run: () => iam.deleteRolePolicy({ RoleName, PolicyName: name }) })),
    ...a.attachedPolicies.map((arn) => ({
      label: `attached policy ${arn}`,
      run: () => iam.detachRolePolicy({ RoleName, PolicyArn: arn }),
    })),
  ];
}

/** Removes every dependent (one wave, bounded concurrency), then the role (the last wave). */
export async function deleteRoleRecursively(iam: IamClient<RoleRemovals>, roleName: string, a: RoleAttachments): Promise<void> {
  await runWaves([removalTasks(iam, roleName, a), [{ label: `role ${roleName}`, run: () => iam.deleteRole({ RoleName: roleName }) }]]);
}
