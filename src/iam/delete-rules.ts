import { send, type IamChange, type IamClient, type IamInput, type IamOperation } from "../core/operations.js";
import { serviceErrorCode } from "../core/errors.js";
import { emptyIfNotImplemented } from "../core/not-implemented.js";
import type { PolicyUsageType } from "@aws-sdk/client-iam";
import { listPolicyEntities, type PolicyEntities } from "./managed-policies.js";
import type { GroupModel, InstanceProfileModel, PolicyModel, RoleModel, UserModel } from "./models.js";
import { collect, type Page } from "./paginate.js";
import { runWaves, type Task } from "./tasks.js";

/**
 * What makes IAM refuse a delete (DeleteConflict), one entry per delete action: the kinds of
 * dependents that block it, as a dry run counts them in its model of the account, and how a
 * recursive delete lists each kind and removes it first, with which operations. Predictions
 * (src/iam/predictions.ts), the account view's models, the plan and the recursive delete commands
 * all read this one table.
 */

/** What a dependent's listing has beside the client. */
interface Lookup {
  debug: (message: string) => void;
  /** A request several dependents' listings share (ListEntitiesForPolicy lists three kinds): sent once. */
  shared<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** One kind of dependent: how a recursive delete lists it (`find`) and removes it (`remove`). */
export interface Dependent<Lookups extends IamOperation, Removals extends IamOperation, Found> {
  lookups: readonly Lookups[];
  find(iam: IamClient<Lookups>, name: string, lookup: Lookup): Promise<Found>;
  removals: readonly Removals[];
  /** One task per item found; all of an entity's tasks run as one wave, before its delete. */
  remove(iam: IamClient<Removals>, name: string, found: Found): Task[];
}

// The operations a dependent declares are inferred from its lists, so its calls are checked against them.
const dependent = <L extends IamOperation, R extends IamOperation, F>(d: Dependent<L, R, F>) => d;

type AnyDependent = Dependent<IamOperation, IamOperation, unknown>;

/** What a DeleteConflict counts: one kind of blocker in the account view's model of the entity. */
interface Blocker<Model, Key extends string> {
  /** How a refusal names it: one of them, and several when not `one` + "s"; a flag's phrase ("a login profile"). */
  one: string;
  many?: string;
  /** How many the model holds, or whether it holds one. */
  held(model: Model): number | boolean;
  /** The dependents a recursive delete removes to clear it. */
  clearedBy: readonly Key[];
}

export interface DeleteRule<Model, Delete extends IamChange, D extends Record<string, AnyDependent>> {
  delete: Delete;
  /** The entity's kind, as a failure report names its delete (`user bob`). */
  entity: string;
  deleteOne(iam: IamClient<Delete>, name: string): Promise<unknown>;
  /** Every kind of dependent, in the order a recursive delete lists and removes them (and --json shows them). */
  dependents: D;
  /** The blockers, in the order a predicted refusal names them. */
  blockers: readonly Blocker<Model, keyof D & string>[];
}

export type AnyRule = DeleteRule<any, IamChange, Record<string, AnyDependent>>;

/**
 * A rule for entities modelled as `Model`. Every dependent must clear some blocker, or this does
 * not compile: a dependent removed for no reason IAM states, or left out of the predictions.
 */
const deleteRule =
  <Model>() =>
  <const Delete extends IamChange, const D extends Record<string, AnyDependent>, const K extends keyof D & string>(
    rule: DeleteRule<Model, Delete, D> & { blockers: readonly Blocker<Model, K>[] } & ([Exclude<keyof D, K>] extends [never] ? unknown : { uncleared: Exclude<keyof D, K> }),
  ): DeleteRule<Model, Delete, D> =>
    rule;

/** What `find` gives, per dependent. */
export type FoundOf<R> = R extends DeleteRule<any, any, infer D> ? { [K in keyof D]: D[K] extends Dependent<any, any, infer F> ? F : never } : never;

/** The delete and every operation its dependents' listings and removals use. */
export type OperationsOf<R> =
  R extends DeleteRule<any, infer Delete, infer D> ? Delete | { [K in keyof D]: D[K] extends Dependent<infer L, infer M, any> ? L | M : never }[keyof D] : never;

const tasks = <T>(items: T[], label: (item: T) => string, run: (item: T) => Promise<unknown>): Task[] =>
  items.map((item) => ({ label: label(item), run: () => run(item) }));

/**
 * A listing of a user's: one the endpoint does not implement counts as empty, said on the debug
 * channel (DeleteUser still refuses if anything was missed).
 */
const userListing = <P extends Page, T>(action: string, lookup: Lookup, fetchPage: (marker?: string) => Promise<P>, pick: (page: P) => T[] | undefined) =>
  emptyIfNotImplemented(collect(fetchPage, pick), action, lookup.debug);

async function hasLoginProfile(iam: IamClient<"GetLoginProfile">, userName: string): Promise<boolean> {
  try {
    await iam.getLoginProfile({ UserName: userName });
    return true;
  } catch (err) {
    if (serviceErrorCode(err) === "NoSuchEntity") return false;
    throw err;
  }
}

/**
 * A permissions boundary does not block DeleteUser, and is left alone: a delegated admin's own
 * boundary usually denies removing it, and a user that survives a failed delete must not do so
 * with wider permissions.
 */
const DeleteUser = deleteRule<UserModel>()({
  delete: "DeleteUser",
  entity: "user",
  deleteOne: (iam, UserName) => iam.deleteUser({ UserName }),
  dependents: {
    accessKeys: dependent({
      lookups: ["ListAccessKeys"],
      find: async (iam, UserName, lookup) =>
        (await userListing("ListAccessKeys", lookup, (Marker) => iam.listAccessKeys({ UserName, Marker }), (p) => p.AccessKeyMetadata)).map((k) => k.AccessKeyId!),
      removals: ["DeleteAccessKey"],
      remove: (iam, UserName, ids) => tasks(ids, (id) => `access key ${id}`, (AccessKeyId) => iam.deleteAccessKey({ UserName, AccessKeyId })),
    }),
    policies: dependent({
      lookups: ["ListUserPolicies"],
      find: (iam, UserName, lookup) => userListing("ListUserPolicies", lookup, (Marker) => iam.listUserPolicies({ UserName, Marker }), (p) => p.PolicyNames),
      removals: ["DeleteUserPolicy"],
      remove: (iam, UserName, names) => tasks(names, (name) => `policy ${name}`, (PolicyName) => iam.deleteUserPolicy({ UserName, PolicyName })),
    }),
    attachedPolicies: dependent({
      lookups: ["ListAttachedUserPolicies"],
      find: async (iam, UserName, lookup) =>
        (await userListing("ListAttachedUserPolicies", lookup, (Marker) => iam.listAttachedUserPolicies({ UserName, Marker }), (p) => p.AttachedPolicies)).map(
          (p) => p.PolicyArn!,
        ),
      removals: ["DetachUserPolicy"],
      remove: (iam, UserName, arns) => tasks(arns, (arn) => `attached policy ${arn}`, (PolicyArn) => iam.detachUserPolicy({ UserName, PolicyArn })),
    }),
    certificates: dependent({
      lookups: ["ListSigningCertificates"],
      find: async (iam, UserName, lookup) =>
        (await userListing("ListSigningCertificates", lookup, (Marker) => iam.listSigningCertificates({ UserName, Marker }), (p) => p.Certificates)).map(
          (c) => c.CertificateId!,
        ),
      removals: ["DeleteSigningCertificate"],
      remove: (iam, UserName, ids) => tasks(ids, (id) => `certificate ${id}`, (CertificateId) => iam.deleteSigningCertificate({ UserName, CertificateId })),
    }),
    sshKeys: dependent({
      lookups: ["ListSSHPublicKeys"],
      find: async (iam, UserName, lookup) =>
        (await userListing("ListSSHPublicKeys", lookup, (Marker) => iam.listSSHPublicKeys({ UserName, Marker }), (p) => p.SSHPublicKeys)).map((k) => k.SSHPublicKeyId!),
      removals: ["DeleteSSHPublicKey"],
      remove: (iam, UserName, ids) => tasks(ids, (id) => `SSH key ${id}`, (SSHPublicKeyId) => iam.deleteSSHPublicKey({ UserName, SSHPublicKeyId })),
    }),
    serviceCredentials: dependent({
      lookups: ["ListServiceSpecificCredentials"],
      find: async (iam, UserName, lookup) =>
        (
          await userListing(
            "ListServiceSpecificCredentials",
            lookup,
            (Marker) => iam.listServiceSpecificCredentials({ UserName, Marker }),
            (p) => p.ServiceSpecificCredentials,
          )
        ).map((c) => c.ServiceSpecificCredentialId!),
      removals: ["DeleteServiceSpecificCredential"],
      remove: (iam, UserName, ids) =>
        tasks(ids, (id) => `service credential ${id}`, (ServiceSpecificCredentialId) => iam.deleteServiceSpecificCredential({ UserName, ServiceSpecificCredentialId })),
    }),
    /** Group ARNs (what `-r -p` prints) with the names the removal needs. */
    groups: dependent({
      lookups: ["ListGroupsForUser"],
      find: async (iam, UserName, lookup) =>
        (await userListing("ListGroupsForUser", lookup, (Marker) => iam.listGroupsForUser({ UserName, Marker }), (p) => p.Groups)).map((g) => ({
          name: g.GroupName!,
          arn: g.Arn!,
        })),
      removals: ["RemoveUserFromGroup"],
      remove: (iam, UserName, groups) => tasks(groups, (g) => `membership of group ${g.name}`, (g) => iam.removeUserFromGroup({ UserName, GroupName: g.name })),
    }),
    loginProfile: dependent({
      lookups: ["GetLoginProfile"],
      find: (iam, UserName) => hasLoginProfile(iam, UserName),
      removals: ["DeleteLoginProfile"],
      remove: (iam, UserName, held) => (held ? [{ label: "login profile", run: () => iam.deleteLoginProfile({ UserName }) }] : []),
    }),
    mfaDevices: dependent({
      lookups: ["ListMFADevices"],
      find: async (iam, UserName, lookup) =>
        (await userListing("ListMFADevices", lookup, (Marker) => iam.listMFADevices({ UserName, Marker }), (p) => p.MFADevices)).map((d) => d.SerialNumber!),
      removals: ["DeactivateMFADevice", "DeleteVirtualMFADevice"],
      // A virtual device can be deleted only once it is deactivated; the deletion goes with the last wave.
      remove: (iam, UserName, serials) =>
        serials.map((SerialNumber) => ({
          label: `MFA device ${SerialNumber}`,
          run: () => iam.deactivateMFADevice({ UserName, SerialNumber }),
          finish: SerialNumber.startsWith("arn:") ? () => iam.deleteVirtualMFADevice({ SerialNumber }) : undefined,
        })),
    }),
  },
  blockers: [
    { one: "access key", held: (u) => u.accessKeys.size, clearedBy: ["accessKeys"] },
    { one: "signing certificate", held: (u) => u.certificates.size, clearedBy: ["certificates"] },
    { one: "a login profile", held: (u) => u.loginProfile, clearedBy: ["loginProfile"] },
    { one: "MFA device", held: (u) => u.mfaDevices.size, clearedBy: ["mfaDevices"] },
    { one: "SSH public key", held: (u) => u.sshKeys.size, clearedBy: ["sshKeys"] },
    { one: "service-specific credential", held: (u) => u.serviceCredentials.size, clearedBy: ["serviceCredentials"] },
    { one: "group membership", held: (u) => u.groups.size, clearedBy: ["groups"] },
    { one: "inline policy", many: "inline policies", held: (u) => u.policies.size, clearedBy: ["policies"] },
    { one: "attached managed policy", many: "attached managed policies", held: (u) => u.attachedPolicies.size, clearedBy: ["attachedPolicies"] },
  ],
});

/** One page of a listing of a holder's inline (PolicyNames) or attached (AttachedPolicies) policies. */
type PoliciesPage = Page & { PolicyNames?: string[]; AttachedPolicies?: { PolicyArn?: string }[] };

/**
 * A group's or a role's inline and attached policies: the same two dependents of both, by the
 * operations named after the holder (ListGroupPolicies, DetachRolePolicy...), each request naming
 * the holder by `GroupName` or `RoleName`.
 */
function holderPolicies<H extends "Group" | "Role">(holder: H) {
  // The input's field is named after the holder, which TypeScript cannot follow through H.
  const request = <A extends IamOperation>(iam: IamClient<A>, action: A, name: string, rest: Record<string, string | undefined>) =>
    send(iam, action, { [`${holder}Name`]: name, ...rest } as IamInput<A>) as Promise<PoliciesPage>;
  const [listInline, deleteInline] = [`List${holder}Policies`, `Delete${holder}Policy`] as const;
  const [listAttached, detach] = [`ListAttached${holder}Policies`, `Detach${holder}Policy`] as const;
  return {
    policies: dependent({
      lookups: [listInline],
      find: (iam, name) => collect((Marker) => request(iam, listInline, name, { Marker }), (p) => p.PolicyNames),
      removals: [deleteInline],
      remove: (iam, name, names) => tasks(names, (policy) => `policy ${policy}`, (PolicyName) => request(iam, deleteInline, name, { PolicyName })),
    }),
    attachedPolicies: dependent({
      lookups: [listAttached],
      find: async (iam, name) => (await collect((Marker) => request(iam, listAttached, name, { Marker }), (p) => p.AttachedPolicies)).map((p) => p.PolicyArn!),
      removals: [detach],
      remove: (iam, name, arns) => tasks(arns, (arn) => `attached policy ${arn}`, (PolicyArn) => request(iam, detach, name, { PolicyArn })),
    }),
  };
}

const DeleteGroup = deleteRule<GroupModel>()({
  delete: "DeleteGroup",
  entity: "group",
  deleteOne: (iam, GroupName) => iam.deleteGroup({ GroupName }),
  dependents: {
    /** Members as name and ARN: `-r -p` prints ARNs, the removal needs names. */
    users: dependent({
      lookups: ["GetGroup"],
      find: async (iam, GroupName) =>
        (await collect((Marker) => iam.getGroup({ GroupName, Marker }), (p) => p.Users)).map((u) => ({ name: u.UserName!, arn: u.Arn! })),
      removals: ["RemoveUserFromGroup"],
      remove: (iam, GroupName, users) => tasks(users, (u) => `member ${u.name}`, (u) => iam.removeUserFromGroup({ GroupName, UserName: u.name })),
    }),
    ...holderPolicies("Group"),
  },
  blockers: [
    { one: "member", held: (g) => g.users.size, clearedBy: ["users"] },
    { one: "inline policy", many: "inline policies", held: (g) => g.policies.size, clearedBy: ["policies"] },
    { one: "attached managed policy", many: "attached managed policies", held: (g) => g.attachedPolicies.size, clearedBy: ["attachedPolicies"] },
  ],
});

/** A permissions boundary does not block DeleteRole, and is left alone (as a user's). */
const DeleteRole = deleteRule<RoleModel>()({
  delete: "DeleteRole",
  entity: "role",
  deleteOne: (iam, RoleName) => iam.deleteRole({ RoleName }),
  dependents: {
    /** Profiles holding the role, as name and ARN: `-c -p` prints ARNs, the removal needs names. */
    instanceProfiles: dependent({
      lookups: ["ListInstanceProfilesForRole"],
      find: async (iam, RoleName) =>
        (await collect((Marker) => iam.listInstanceProfilesForRole({ RoleName, Marker }), (p) => p.InstanceProfiles)).map((p) => ({
          name: p.InstanceProfileName!,
          arn: p.Arn!,
        })),
      removals: ["RemoveRoleFromInstanceProfile"],
      remove: (iam, RoleName, profiles) =>
        tasks(profiles, (p) => `membership of instance profile ${p.name}`, (p) => iam.removeRoleFromInstanceProfile({ RoleName, InstanceProfileName: p.name })),
    }),
    ...holderPolicies("Role"),
  },
  blockers: [
    { one: "instance profile", held: (r) => r.instanceProfiles.size, clearedBy: ["instanceProfiles"] },
    { one: "inline policy", many: "inline policies", held: (r) => r.policies.size, clearedBy: ["policies"] },
    { one: "attached managed policy", many: "attached managed policies", held: (r) => r.attachedPolicies.size, clearedBy: ["attachedPolicies"] },
  ],
});

/**
 * One of ListEntitiesForPolicy's lists, of entities the policy is attached to (PermissionsPolicy)
 * or is the permissions boundary of (PermissionsBoundary). The two are listed apart: a boundary is
 * removed with Delete{User,Role}PermissionsBoundary, never with a Detach*Policy (IAM:
 * NoSuchEntity). Each usage is one request for users, groups and roles together.
 */
async function listed<F extends keyof PolicyEntities>(iam: IamClient<"ListEntitiesForPolicy">, PolicyArn: string, lookup: Lookup, usage: PolicyUsageType, field: F) {
  return (await lookup.shared(usage, () => listPolicyEntities(iam, PolicyArn, { usage })))[field];
}

const DeletePolicy = deleteRule<PolicyModel>()({
  delete: "DeletePolicy",
  entity: "policy",
  deleteOne: (iam, PolicyArn) => iam.deletePolicy({ PolicyArn }),
  dependents: {
    PolicyUsers: dependent({
      lookups: ["ListEntitiesForPolicy"],
      find: (iam, arn, lookup) => listed(iam, arn, lookup, "PermissionsPolicy", "PolicyUsers"),
      removals: ["DetachUserPolicy"],
      remove: (iam, PolicyArn, users) => tasks(users, (u) => `attachment to user ${u.UserName}`, ({ UserName }) => iam.detachUserPolicy({ UserName, PolicyArn })),
    }),
    PolicyGroups: dependent({
      lookups: ["ListEntitiesForPolicy"],
      find: (iam, arn, lookup) => listed(iam, arn, lookup, "PermissionsPolicy", "PolicyGroups"),
      removals: ["DetachGroupPolicy"],
      remove: (iam, PolicyArn, groups) =>
        tasks(groups, (g) => `attachment to group ${g.GroupName}`, ({ GroupName }) => iam.detachGroupPolicy({ GroupName, PolicyArn })),
    }),
    PolicyRoles: dependent({
      lookups: ["ListEntitiesForPolicy"],
      find: (iam, arn, lookup) => listed(iam, arn, lookup, "PermissionsPolicy", "PolicyRoles"),
      removals: ["DetachRolePolicy"],
      remove: (iam, PolicyArn, roles) => tasks(roles, (r) => `attachment to role ${r.RoleName}`, ({ RoleName }) => iam.detachRolePolicy({ RoleName, PolicyArn })),
    }),
    /** Users and roles whose permissions boundary is the policy: the boundary goes, they stay. */
    BoundaryUsers: dependent({
      lookups: ["ListEntitiesForPolicy"],
      find: (iam, arn, lookup) => listed(iam, arn, lookup, "PermissionsBoundary", "PolicyUsers"),
      removals: ["DeleteUserPermissionsBoundary"],
      remove: (iam, _arn, users) => tasks(users, (u) => `permissions boundary of user ${u.UserName}`, ({ UserName }) => iam.deleteUserPermissionsBoundary({ UserName })),
    }),
    BoundaryRoles: dependent({
      lookups: ["ListEntitiesForPolicy"],
      find: (iam, arn, lookup) => listed(iam, arn, lookup, "PermissionsBoundary", "PolicyRoles"),
      removals: ["DeleteRolePermissionsBoundary"],
      remove: (iam, _arn, roles) => tasks(roles, (r) => `permissions boundary of role ${r.RoleName}`, ({ RoleName }) => iam.deleteRolePermissionsBoundary({ RoleName })),
    }),
    /** Version ids other than the default, which DeletePolicy removes itself. */
    Versions: dependent({
      lookups: ["ListPolicyVersions"],
      find: async (iam, PolicyArn) =>
        (await collect((Marker) => iam.listPolicyVersions({ PolicyArn, Marker }), (p) => p.Versions)).filter((v) => !v.IsDefaultVersion).map((v) => v.VersionId!),
      removals: ["DeletePolicyVersion"],
      remove: (iam, PolicyArn, ids) => tasks(ids, (id) => `version ${id}`, (VersionId) => iam.deletePolicyVersion({ PolicyArn, VersionId })),
    }),
  },
  blockers: [
    { one: "attachment", held: (p) => p.attachments, clearedBy: ["PolicyUsers", "PolicyGroups", "PolicyRoles"] },
    { one: "non-default version", held: (p) => [...p.versions.values()].filter((isDefault) => !isDefault).length, clearedBy: ["Versions"] },
    { one: "use as a permissions boundary", many: "uses as a permissions boundary", held: (p) => p.boundaryUses ?? 0, clearedBy: ["BoundaryUsers", "BoundaryRoles"] },
  ],
});

/** A profile holds at most one role; taking it out leaves the role as it is. */
const DeleteInstanceProfile = deleteRule<InstanceProfileModel>()({
  delete: "DeleteInstanceProfile",
  entity: "instance profile",
  deleteOne: (iam, InstanceProfileName) => iam.deleteInstanceProfile({ InstanceProfileName }),
  dependents: {
    /** As name and ARN: `-c -p` prints ARNs, the removal needs names. */
    roles: dependent({
      lookups: ["GetInstanceProfile"],
      find: async (iam, InstanceProfileName) =>
        ((await iam.getInstanceProfile({ InstanceProfileName })).InstanceProfile?.Roles ?? []).map((r) => ({ name: r.RoleName!, arn: r.Arn! })),
      removals: ["RemoveRoleFromInstanceProfile"],
      remove: (iam, InstanceProfileName, roles) =>
        tasks(roles, (r) => `role ${r.name} from the profile`, (r) => iam.removeRoleFromInstanceProfile({ InstanceProfileName, RoleName: r.name })),
    }),
  },
  blockers: [{ one: "a role", held: (p) => p.roles.size > 0, clearedBy: ["roles"] }],
});

/** Every delete IAM refuses while something hangs off the entity, keyed by the action. */
export const DELETE_RULES = { DeleteUser, DeleteGroup, DeleteRole, DeletePolicy, DeleteInstanceProfile } satisfies { [Op in IamChange]?: DeleteRule<any, Op, any> };

/**
 * The client as each dependent and the delete see it. The client holds every operation of the rule
 * (OperationsOf<R>), which the compiler cannot follow through a generic R.
 */
const clientOf = <R extends AnyRule>(iam: IamClient<OperationsOf<R>>) => iam as unknown as IamClient<IamOperation>;

/** Lists every kind of dependent of the entity `name`, all listings in parallel (one wave of requests). */
export async function findDependents<R extends AnyRule>(rule: R, iam: IamClient<OperationsOf<R>>, name: string, debug: (message: string) => void): Promise<FoundOf<R>> {
  const requests = new Map<string, Promise<unknown>>();
  const lookup: Lookup = {
    debug,
    shared: <T>(key: string, read: () => Promise<T>) => {
      if (!requests.has(key)) requests.set(key, read());
      return requests.get(key) as Promise<T>;
    },
  };
  const kinds = Object.entries(rule.dependents);
  const found = await Promise.all(kinds.map(([, d]) => d.find(clientOf(iam), name, lookup)));
  return Object.fromEntries(kinds.map(([key], i) => [key, found[i]])) as FoundOf<R>;
}

/**
 * Removes every dependent found (one wave, bounded concurrency), then the entity, beside the last
 * requests of two-step removals (a virtual MFA device's deletion once it is deactivated).
 */
export async function deleteRecursively<R extends AnyRule>(rule: R, iam: IamClient<OperationsOf<R>>, name: string, found: FoundOf<R>): Promise<void> {
  const removals = Object.entries(rule.dependents).flatMap(([key, d]) => d.remove(clientOf(iam), name, (found as Record<string, unknown>)[key]));
  await runWaves([removals, [{ label: `${rule.entity} ${name}`, run: () => deleteOne(rule, iam, name) }]]);
}

/** The delete alone (without -r). */
export function deleteOne<R extends AnyRule>(rule: R, iam: IamClient<OperationsOf<R>>, name: string): Promise<unknown> {
  return rule.deleteOne(clientOf(iam), name);
}

/** The operations a recursive delete declares: the delete, then each dependent's listings and removals, in order. */
export function operationsOf<R extends AnyRule>(rule: R): OperationsOf<R>[] {
  const each = Object.values(rule.dependents).flatMap((d) => [...d.lookups, ...d.removals]);
  return [...new Set([rule.delete, ...each])] as OperationsOf<R>[];
}

/** The blockers `model` holds, as a refusal names them: "2 access keys", "a login profile". */
export function blockersHeld<Model>(rule: DeleteRule<Model, IamChange, Record<string, AnyDependent>>, model: Model): string[] {
  return rule.blockers.flatMap(({ one, many, held }) => {
    const n = held(model);
    if (n === true) return [one];
    return typeof n === "number" && n > 0 ? [`${n} ${n === 1 ? one : many ?? `${one}s`}`] : [];
  });
}
