import type { PolicyGroup, PolicyRole, PolicyUsageType, PolicyUser, PolicyVersion } from "@aws-sdk/client-iam";
import { option } from "../core/define.js";
import { UsageError } from "../core/errors.js";
import type { IamClient } from "../core/operations.js";
import { decodePolicy } from "../output/print.js";
import { collect } from "./paginate.js";

/**
 * What the managed-policy commands share: version ids and who a policy is attached to.
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
