import type { AccountView } from "./account-view.js";
import type { UserModel } from "./models.js";

/**
 * Reads of an entity a plan has changed, answered as IAM would answer them once the plan's earlier
 * steps were made: a deleted entity is not found, a created one is listed with its placeholder
 * record, and a listing of what an entity holds (its keys, groups, members, policies...) shows
 * what the plan left in it. The answer holds every item on one page.
 */

export type Kind = "user" | "group" | "role" | "instance profile" | "policy";

/** What the plan's state offers the reads. */
export interface PlanReads {
  view: AccountView;
  /** Whether a step of the plan changed the entity (so IAM's answer about it is out of date). */
  touched(kind: Kind, name: string): boolean;
  /** The names of the entities of one kind the plan changed. */
  touchedNames(kind: Kind | "account alias"): string[];
  /**
   * The name IAM knows the entity by: its own, the old one when the plan renamed it, undefined
   * when the plan created it (IAM knows nothing about it).
   */
  origin(kind: Kind, name: string): string | undefined;
  /** The entity's record: the plan's placeholder for one it created, else IAM's (read once). */
  entity(kind: Kind, name: string): Promise<Record<string, unknown>>;
  /** A credential or login profile the plan created, by its kind and id. */
  record(key: string): Record<string, unknown> | undefined;
  /** IAM's own answer to a read. */
  realRead(action: string, input: Record<string, any>): Promise<Record<string, any>>;
  /** Every item of a real listing, all pages read. */
  realList(action: string, input: Record<string, any>, field: string): Promise<any[]>;
  /** The user a request without UserName acts on. */
  caller(): Promise<string | undefined>;
}

export class NotFound extends Error {
  override name = "NoSuchEntity";
}

const NOT_FOUND: Record<Kind, (name: string) => string> = {
  user: (name) => `The user with name ${name} cannot be found.`,
  group: (name) => `The group with name ${name} cannot be found.`,
  role: (name) => `The role with name ${name} cannot be found.`,
  "instance profile": (name) => `Instance Profile ${name} cannot be found.`,
  policy: (arn) => `Policy ${arn} was not found.`,
};

type Input = Record<string, any>;

interface ReadRule {
  kind: Kind;
  /** The parameter naming the entity; a user read without it is about the caller. */
  nameKey: string;
  /** `action` is the read's own name: a listing reads IAM's items with it. */
  answer(plan: PlanReads, name: string, input: Input, action: string): Promise<Record<string, unknown>>;
}

/** The entity as the plan leaves it; NotFound when it does not exist then. */
function model(plan: PlanReads, kind: Kind, name: string): Promise<any> {
  return modelOrNone(plan, kind, name).then((found) => {
    if (found === undefined) throw new NotFound(NOT_FOUND[kind](name));
    return found;
  });
}

function modelOrNone(plan: PlanReads, kind: Kind, name: string): Promise<any> {
  const view = plan.view;
  const read: Record<Kind, () => Promise<unknown>> = {
    user: () => view.user(name),
    group: () => view.group(name),
    role: () => view.role(name),
    "instance profile": () => view.instanceProfile(name),
    policy: () => view.policy(name),
  };
  return read[kind]();
}

/**
 * A listing of one of an entity's sets: IAM's items that the plan kept, then the ones it added
 * (built by `added`). An entity the plan created has no items in IAM.
 */
function listing(
  kind: Kind,
  nameKey: string,
  set: string,
  field: string,
  idOf: (item: any) => string,
  added: (plan: PlanReads, id: string, owner: string) => Promise<unknown> | unknown,
): ReadRule {
  return {
    kind,
    nameKey,
    async answer(plan, name, input, action) {
      const held: Set<string> = (await model(plan, kind, name))[set];
      const origin = plan.origin(kind, name);
      const real = origin === undefined ? [] : (await plan.realList(action, { ...input, [nameKey]: origin }, field)).map((item) => renamed(item, nameKey, origin, name));
      const kept = real.filter((item) => held.has(idOf(item)));
      const known = new Set(kept.map(idOf));
      const extra = await Promise.all([...held].filter((id) => !known.has(id)).map((id) => added(plan, id, name)));
      return { [field]: [...kept, ...extra], IsTruncated: false };
    },
  };
}

/** An item of IAM's answer about an entity the plan renamed, naming it as the plan does. */
const renamed = (item: Record<string, unknown>, nameKey: string, origin: string, name: string) => (item[nameKey] === origin ? { ...item, [nameKey]: name } : item);

const same = (item: unknown) => item as string;
const withoutSecret = ({ SecretAccessKey: _secret, ...rest }: Record<string, unknown>) => rest;
const attachedPolicy = (arn: string) => ({ PolicyName: arn.split("/").pop(), PolicyArn: arn });
const policyNames = (kind: Kind, nameKey: string) => listing(kind, nameKey, "policies", "PolicyNames", same, (_plan, id) => id);
const attachedPolicies = (kind: Kind, nameKey: string) =>
  listing(kind, nameKey, "attachedPolicies", "AttachedPolicies", (p) => p.PolicyArn, (_plan, arn) => attachedPolicy(arn));

/** A single entity read: not found once the plan deleted it, its record otherwise. */
const entityRead = (kind: Kind, nameKey: string, field: string): ReadRule => ({
  kind,
  nameKey,
  async answer(plan, name) {
    await model(plan, kind, name);
    return { [field]: await plan.entity(kind, name) };
  },
});

/** An inline policy's document: the one the plan put, else IAM's, unless the plan deleted it. */
const inlinePolicy = (kind: "user" | "group" | "role", nameKey: string): ReadRule => ({
  kind,
  nameKey,
  async answer(plan, name, input, action) {
    const held: Set<string> = (await model(plan, kind, name)).policies;
    if (!held.has(input.PolicyName)) throw new NotFound(`The ${kind} policy with name ${input.PolicyName} cannot be found.`);
    const origin = plan.origin(kind, name) ?? name;
    return plan.record(`${kind} policy:${name}:${input.PolicyName}`) ?? renamed(await plan.realRead(action, { ...input, [nameKey]: origin }), nameKey, origin, name);
  },
});

/** GetGroup lists the group's members beside the group. */
const GROUP_MEMBERS = listing("group", "GroupName", "users", "Users", (u) => u.UserName, (plan, user) => plan.entity("user", user));

const RULES: Record<string, ReadRule> = {
  GetUser: entityRead("user", "UserName", "User"),
  GetRole: entityRead("role", "RoleName", "Role"),
  GetGroup: {
    kind: "group",
    nameKey: "GroupName",
    async answer(plan, name, input, action) {
      const users = await GROUP_MEMBERS.answer(plan, name, input, action);
      return { Group: await plan.entity("group", name), ...users };
    },
  },
  GetInstanceProfile: {
    kind: "instance profile",
    nameKey: "InstanceProfileName",
    async answer(plan, name) {
      const roles: Set<string> = (await model(plan, "instance profile", name)).roles;
      const profile = await plan.entity("instance profile", name);
      return { InstanceProfile: { ...profile, Roles: await Promise.all([...roles].map((role) => plan.entity("role", role))) } };
    },
  },
  GetLoginProfile: {
    kind: "user",
    nameKey: "UserName",
    async answer(plan, name) {
      const user: UserModel = await model(plan, "user", name);
      if (!user.loginProfile) throw new NotFound(`Login Profile for User ${name} cannot be found.`);
      return { LoginProfile: plan.record(`login profile:${name}`) ?? { UserName: name } };
    },
  },
  ListAccessKeys: listing("user", "UserName", "accessKeys", "AccessKeyMetadata", (k) => k.AccessKeyId, (plan, id) => withoutSecret(plan.record(`access key:${id}`)!)),
  ListSigningCertificates: listing("user", "UserName", "certificates", "Certificates", (c) => c.CertificateId, (plan, id) => plan.record(`signing certificate:${id}`)),
  ListSSHPublicKeys: listing("user", "UserName", "sshKeys", "SSHPublicKeys", (k) => k.SSHPublicKeyId, (plan, id) => plan.record(`SSH public key:${id}`)),
  ListMFADevices: listing("user", "UserName", "mfaDevices", "MFADevices", (d) => d.SerialNumber, (_plan, serial, user) => ({
    UserName: user,
    SerialNumber: serial,
    EnableDate: new Date(),
  })),
  // No command creates one, so a plan only ever removes them: nothing is added.
  ListServiceSpecificCredentials: listing("user", "UserName", "serviceCredentials", "ServiceSpecificCredentials", (c) => c.ServiceSpecificCredentialId, () => undefined),
  ListGroupsForUser: listing("user", "UserName", "groups", "Groups", (g) => g.GroupName, (plan, group) => plan.entity("group", group)),
  GetUserPolicy: inlinePolicy("user", "UserName"),
  GetGroupPolicy: inlinePolicy("group", "GroupName"),
  GetRolePolicy: inlinePolicy("role", "RoleName"),
  ListUserPolicies: policyNames("user", "UserName"),
  ListAttachedUserPolicies: attachedPolicies("user", "UserName"),
  ListGroupPolicies: policyNames("group", "GroupName"),
  ListAttachedGroupPolicies: attachedPolicies("group", "GroupName"),
  ListRolePolicies: policyNames("role", "RoleName"),
  ListAttachedRolePolicies: attachedPolicies("role", "RoleName"),
  ListInstanceProfilesForRole: listing("role", "RoleName", "instanceProfiles", "InstanceProfiles", (p) => p.InstanceProfileName, (plan, profile) =>
    plan.entity("instance profile", profile),
  ),
  ListPolicyVersions: {
    kind: "policy",
    nameKey: "PolicyArn",
    async answer(plan, arn, input, action) {
      const versions: Map<string, boolean> = (await model(plan, "policy", arn)).versions;
      const real = plan.origin("policy", arn) === undefined ? [] : await plan.realList(action, input, "Versions");
      const known = new Map(real.map((version) => [version.VersionId, version]));
      const number = (id: string) => Number(/\d+$/.exec(id)?.[0] ?? 0);
      // Newest first, as IAM lists them.
      const ids = [...versions.keys()].sort((a, b) => number(b) - number(a));
      const Versions = ids.map((VersionId) => ({ CreateDate: new Date(), ...known.get(VersionId), VersionId, IsDefaultVersion: versions.get(VersionId) }));
      return { Versions, IsTruncated: false };
    },
  },
  GetPolicy: {
    kind: "policy",
    nameKey: "PolicyArn",
    async answer(plan, arn) {
      const policy = await model(plan, "policy", arn);
      const defaultVersion = [...policy.versions].find(([, isDefault]) => isDefault)?.[0];
      return { Policy: { ...(await plan.entity("policy", arn)), AttachmentCount: policy.attachments, DefaultVersionId: defaultVersion } };
    },
  },
};


/** The account-wide listings: each lists one kind of entity, by name, under a path prefix. */
const ACCOUNT_LISTINGS: Record<string, [Kind, string, string]> = {
  ListUsers: ["user", "Users", "UserName"],
  ListGroups: ["group", "Groups", "GroupName"],
  ListRoles: ["role", "Roles", "RoleName"],
  ListInstanceProfiles: ["instance profile", "InstanceProfiles", "InstanceProfileName"],
};

/**
 * IAM's listing without what the plan deleted, each item as the plan's record has it when it has
 * one (a user moved to another path), then what it created or renamed, all under the prefix.
 */
async function accountListing(plan: PlanReads, action: string, input: Input): Promise<Record<string, unknown> | undefined> {
  const [kind, field, nameField] = ACCOUNT_LISTINGS[action];
  const touched = plan.touchedNames(kind);
  if (touched.length === 0) return undefined;
  const exists = new Set<string>();
  for (const name of touched) if ((await modelOrNone(plan, kind, name)) !== undefined) exists.add(name);
  const real = await plan.realList(action, input, field);
  const listed = new Set(real.map((item) => item[nameField]));
  const recordOf = (name: string) => plan.record(`${kind}:${name}`);
  const prefix: string = input.PathPrefix ?? "/";
  const items = [
    ...real.filter((item) => !touched.includes(item[nameField]) || exists.has(item[nameField])).map((item) => recordOf(item[nameField]) ?? item),
    ...touched.filter((name) => exists.has(name) && !listed.has(name)).map(recordOf),
  ];
  return { [field]: items.filter((item) => item !== undefined && String(item.Path ?? "/").startsWith(prefix)), IsTruncated: false };
}

/** ListEntitiesForPolicy's three lists: the kind each holds, its field, and how its items name and identify the entity. */
const POLICY_ENTITIES = [
  ["user", "PolicyUsers", "UserName", "UserId", "User"],
  ["group", "PolicyGroups", "GroupName", "GroupId", "Group"],
  ["role", "PolicyRoles", "RoleName", "RoleId", "Role"],
] as const;

/**
 * ListEntitiesForPolicy once the plan changed the policy or any user, group or role: IAM's entities
 * the plan did not touch, then those it touched that the policy is attached to (usage
 * PermissionsPolicy) or bounds (PermissionsBoundary) as the plan leaves them. A plan that removed a
 * user's boundary does not find the user again when it deletes the policy with -r.
 */
async function policyEntities(plan: PlanReads, action: string, input: Input): Promise<Record<string, unknown> | undefined> {
  const arn: string = input.PolicyArn;
  const touched = POLICY_ENTITIES.map(([kind]) => plan.touchedNames(kind));
  if (!plan.touched("policy", arn) && touched.every((names) => names.length === 0)) return undefined;
  await model(plan, "policy", arn);
  const usage: string | undefined = input.PolicyUsageFilter;
  const holds = async (kind: "user" | "group" | "role", name: string) => {
    const entity = await modelOrNone(plan, kind, name);
    if (!entity) return false;
    const attached = usage !== "PermissionsBoundary" && entity.attachedPolicies.has(arn);
    return attached || (usage !== "PermissionsPolicy" && kind !== "group" && (await plan.view.boundary(kind, name)) === arn);
  };
  const answer: Record<string, unknown> = { IsTruncated: false };
  await Promise.all(
    POLICY_ENTITIES.map(async ([kind, field, nameField, idField, filter], i) => {
      if (input.EntityFilter && input.EntityFilter !== filter) return void (answer[field] = []);
      const real = plan.origin("policy", arn) === undefined ? [] : await plan.realList(action, input, field);
      const kept = real.filter((item) => !touched[i].includes(item[nameField]));
      const held = await Promise.all(touched[i].map(async (name) => ((await holds(kind, name)) ? name : undefined)));
      const added = await Promise.all(
        held.filter((name) => name !== undefined).map(async (name) => ({ [nameField]: name, [idField]: (await plan.entity(kind, name))[idField] })),
      );
      answer[field] = [...kept, ...added];
    }),
  );
  return answer;
}

/**
 * The plan's answer to a read, or undefined when IAM's own answer is still right (the plan did not
 * change the entity it names). Throws NotFound for an entity the plan deleted.
 */
export async function planRead(plan: PlanReads, actionName: string, input: Input): Promise<Record<string, unknown> | undefined> {
  if (ACCOUNT_LISTINGS[actionName]) return accountListing(plan, actionName, input);
  if (actionName === "ListEntitiesForPolicy") return policyEntities(plan, actionName, input);
  if (actionName === "ListAccountAliases" && plan.touchedNames("account alias").length > 0) {
    return { AccountAliases: [...(await plan.view.accountAliases())], IsTruncated: false };
  }
  const rule = RULES[actionName];
  if (!rule) return undefined;
  const name = input[rule.nameKey] ?? (rule.kind === "user" ? await plan.caller() : undefined);
  if (name === undefined || !plan.touched(rule.kind, name)) return undefined;
  return rule.answer(plan, name, input, actionName);
}
