import type { PolicyGroup, PolicyRole, PolicyUsageType, PolicyUser, PolicyVersion } from "@aws-sdk/client-iam";
import { option } from "../core/define.js";
import { UsageError } from "../core/errors.js";
import type { IamClient } from "../core/operations.js";
import { decodePolicy } from "../output/print.js";
import { collect } from "./paginate.js";
import { runTasks } from "./tasks.js";

/** The actions that remove a managed policy from everything it is attached to, its versions, and the policy. */
export type PolicyRemovals =
  | "DetachUserPolicy"
  | "DetachGroupPolicy"
  | "DetachRolePolicy"
  | "DeleteUserPermissionsBoundary"
  | "DeleteRolePermissionsBoundary"
  | "DeletePolicyVersion"
  | "DeletePolicy";

/**
 * What the managed-policy commands share: version ids, who a policy is attached to, and the
 * recursive delete that real IAM requires before DeletePolicy.
 */

/**
 * IAM names versions `v1`, `v2`, ... (its pattern also allows a `.suffix` it never issues), so a
 * typo such as `2` or `V2` is caught before the request.
 */
function checkVersionId(value: string): string {
  if (!/^v[1-9]\d*$/.test(value)) {
    throw new UsageError(`invalid policy version id "${value}": expected v and a number, such as v2`);
  }
  return value;
}

/** `-s VERSIONID`: the version commands' letter, as -a already names the policy. */
export const versionId = (description = "the policy version, such as v2") =>
  option({
    key: "versionId",
    short: "s",
    long: "version-id",
    metavar: "VERSIONID",
    description,
    required: true,
    parse: checkVersionId,
  });

/** A policy version with its document URL-decoded, so that --json shows it as written. */
export function decodedVersion(version: PolicyVersion): PolicyVersion & { Document: string } {
  return { ...version, Document: decodePolicy(version.Document) };
}

/** The users, groups and roles a managed policy is attached to, over every page. */
export interface PolicyEntities {
  PolicyUsers: PolicyUser[];
  PolicyGroups: PolicyGroup[];
  PolicyRoles: PolicyRole[];
}

/**
 * `usage` narrows the listing to entities the policy is attached to (PermissionsPolicy) or whose
 * permissions boundary it is (PermissionsBoundary); without it IAM lists both. `maxItems` is the
 * page size asked of IAM.
 */
export async function listPolicyEntities(
  iam: IamClient<"ListEntitiesForPolicy">,
  policyArn: string,
  { usage, maxItems }: { usage?: PolicyUsageType; maxItems?: number } = {},
): Promise<PolicyEntities> {
  // Each page carries three lists, so collect the pages themselves and merge them here.
  const pages = await collect(
    (Marker, MaxItems) => iam.listEntitiesForPolicy({ PolicyArn: policyArn, PolicyUsageFilter: usage, Marker, MaxItems }),
    (page) => [page],
    maxItems,
  );
  return {
    PolicyUsers: pages.flatMap((page) => page.PolicyUsers ?? []),
    PolicyGroups: pages.flatMap((page) => page.PolicyGroups ?? []),
    PolicyRoles: pages.flatMap((page) => page.PolicyRoles ?? []),
  };
}

/** The `users`, `groups` and `roles` sections, always all three, names tab-indented below each. */
export function entitySections(e: PolicyEntities): [string, string[]][] {
  return [
    ["users", e.PolicyUsers.map((u) => u.UserName!)],
    ["groups", e.PolicyGroups.map((g) => g.GroupName!)],
    ["roles", e.PolicyRoles.map((r) => r.RoleName!)],
  ];
}

/**
 * Everything that makes real IAM refuse DeletePolicy: attachments, use as a permissions boundary,
 * and non-default versions.
 */
export interface PolicyDependents extends PolicyEntities {
  /** Users and roles whose permissions boundary is the policy: the boundary goes, they stay. */
  BoundaryUsers: PolicyUser[];
  BoundaryRoles: PolicyRole[];
  /** Version ids other than the default, which DeletePolicy removes itself. */
  Versions: string[];
}

/**
 * Lists a policy's attachments, its boundary uses and its versions in parallel (one wave of
 * requests). Attachments and boundaries are listed apart: a boundary is removed with
 * Delete{User,Role}PermissionsBoundary, never with a Detach*Policy (IAM: NoSuchEntity).
 */
export async function findPolicyDependents(iam: IamClient<"ListEntitiesForPolicy" | "ListPolicyVersions">, policyArn: string): Promise<PolicyDependents> {
  const [attached, bounded, versions] = await Promise.all([
    listPolicyEntities(iam, policyArn, { usage: "PermissionsPolicy" }),
    listPolicyEntities(iam, policyArn, { usage: "PermissionsBoundary" }),
    collect((Marker) => iam.listPolicyVersions({ PolicyArn: policyArn, Marker }), (page) => page.Versions),
  ]);
  return {
    ...attached,
    BoundaryUsers: bounded.PolicyUsers,
    BoundaryRoles: bounded.PolicyRoles,
    Versions: versions.filter((v) => !v.IsDefaultVersion).map((v) => v.VersionId!),
  };
}

/**
 * The `-r -p` listing: the attachment sections, the boundary uses when there are any (so output
 * for a policy used only by attachment stays as it was), then `versions`.
 */
export function dependentSections(d: PolicyDependents): [string, string[]][] {
  const boundaries: [string, string[]][] = [
    ["boundaryusers", d.BoundaryUsers.map((u) => u.UserName!)],
    ["boundaryroles", d.BoundaryRoles.map((r) => r.RoleName!)],
  ];
  return [...entitySections(d), ...boundaries.filter(([, items]) => items.length > 0), ["versions", d.Versions]];
}

/**
 * Detaches the policy, removes it as a permissions boundary and deletes its other versions (one
 * wave, bounded concurrency), then deletes the policy.
 */
export async function deletePolicyRecursively(iam: IamClient<PolicyRemovals>, policyArn: string, d: PolicyDependents): Promise<void> {
  const PolicyArn = policyArn;
  const policyLabel = `policy ${policyArn}`;
  const removed = await runTasks(
    [
      ...d.PolicyUsers.map(({ UserName }) => ({
        label: `attachment to user ${UserName}`,
        run: () => iam.detachUserPolicy({ UserName, PolicyArn }),
      })),
      ...d.PolicyGroups.map(({ GroupName }) => ({
        label: `attachment to group ${GroupName}`,
        run: () => iam.detachGroupPolicy({ GroupName, PolicyArn }),
      })),
      ...d.PolicyRoles.map(({ RoleName }) => ({
        label: `attachment to role ${RoleName}`,
        run: () => iam.detachRolePolicy({ RoleName, PolicyArn }),
      })),
      ...d.BoundaryUsers.map(({ UserName }) => ({
        label: `permissions boundary of user ${UserName}`,
        run: () => iam.deleteUserPermissionsBoundary({ UserName }),
      })),
      ...d.BoundaryRoles.map(({ RoleName }) => ({
        label: `permissions boundary of role ${RoleName}`,
        run: () => iam.deleteRolePermissionsBoundary({ RoleName }),
      })),
      ...d.Versions.map((VersionId) => ({
        label: `version ${VersionId}`,
        run: () => iam.deletePolicyVersion({ PolicyArn, VersionId }),
      })),
    ],
    { remainingAfter: [policyLabel] },
  );
  await runTasks([{ label: policyLabel, run: () => iam.deletePolicy({ PolicyArn }) }], { removedBefore: removed });
}
