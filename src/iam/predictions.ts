import type { IamChange, IamInput } from "../core/operations.js";
import type { AccountView } from "./account-view.js";
import { blockersHeld, DELETE_RULES } from "./delete-rules.js";
import type { GroupModel, RoleModel, UserModel } from "./models.js";
import { passwordPolicyBreaches } from "./password.js";

/**
 * What IAM would answer to a planned change, judged by IAM's own rules against the account as a
 * dry run reads it (AccountView): one entry per IAM operation, keyed by its name and reading only
 * its parameters, so every command that plans the operation gets the same prediction. `check`
 * says what IAM would refuse; `apply` records what the step leaves behind for the steps after it.
 * Only what IAM exposes is judged: where a refusal depends on something no read request shows
 * (an authentication code, earlier passwords, a name taken in another account), nothing is
 * predicted (docs/output.md, "Dry runs").
 */

/** A predicted refusal: IAM's error code and what it would refuse and why. */
export interface Refusal {
  code: string;
  why: string;
}

/** A step's input as a planner or a request passes it: the rule for its action reads it by its SDK type. */
type StepInput = Record<string, any>;

/** The rules a factory below builds for several operations, reading the members `In` their inputs share. */
interface Operation<In> {
  check?: (input: In, view: AccountView) => Promise<Refusal | undefined>;
  apply?: (input: In, view: AccountView) => Promise<void>;
}

/** An input naming its entity by `Key` (UserName, RoleName...). */
type Named<Key extends string> = { [K in Key]: string };

/**
 * What a planner passes beside the SDK's input: the id IAM would answer with, when the planner
 * chose it, so the steps after the create find the new entity.
 */
interface PlannedIds {
  CreateAccessKey: { AccessKeyId?: string };
  UploadSigningCertificate: { CertificateId?: string };
  UploadSSHPublicKey: { SSHPublicKeyId?: string };
  CreatePolicy: { PolicyArn?: string };
  CreatePolicyVersion: { VersionId?: string };
  CreateVirtualMFADevice: { SerialNumber?: string };
}

/** The SDK's input for `Op`, its required members present (as the planners pass them). */
type RuleInput<Op extends IamChange> = { [K in keyof IamInput<Op>]: Exclude<IamInput<Op>[K], undefined> } & (Op extends keyof PlannedIds ? PlannedIds[Op] : unknown);

/** IAM's rules for one operation, reading the SDK's input for it. */
interface Rule<Op extends IamChange> {
  check?: (input: RuleInput<Op>, view: AccountView) => Promise<Refusal | undefined>;
  apply?: (input: RuleInput<Op>, view: AccountView) => Promise<void>;
}

/** An operation a dry run does not judge, and why (the changes are taken to succeed). */
interface NotPredicted {
  notPredicted: string;
}

/** One entry for every changing IAM operation: a rule, or the reason there is none. */
type Rules = { [Op in IamChange]: Rule<Op> | NotPredicted };

type Check = () => Promise<Refusal | undefined> | Refusal | undefined;

/** The first refusal among checks run in order (later checks may assume the earlier passed). */
async function firstOf(...checks: Check[]): Promise<Refusal | undefined> {
  for (const check of checks) {
    const refusal = await check();
    if (refusal) return refusal;
  }
  return undefined;
}

const missing = (what: string): Refusal => ({ code: "NoSuchEntity", why: `${what} does not exist` });

const mustExist = (what: string, entity: Promise<unknown>) => async () => ((await entity) === undefined ? missing(what) : undefined);

const mustNotExist = (what: string, entity: Promise<unknown>) => async () =>
  (await entity) === undefined ? undefined : { code: "EntityAlreadyExists", why: `${what} already exists` };

/** Refused when `used` more would exceed the SummaryMap quota `key`; not judged when the map has no such quota. */
function withinQuota(view: AccountView, key: string, what: string, used: () => Promise<number | undefined> | number | undefined): Check {
  return async () => {
    const quota = (await view.summary())[key];
    const count = await used();
    if (quota === undefined || count === undefined || count < quota) return undefined;
    return { code: "LimitExceeded", why: `${what} already has ${count}, the account's ${key} is ${quota}` };
  };
}

/** DeleteConflict when the entity still holds something that blocks its delete (blockersHeld() names them). */
function conflict(what: string, held: string[]): Refusal | undefined {
  return held.length ? { code: "DeleteConflict", why: `${what} still has ${held.join(", ")} (delete them first, or use -r)` } : undefined;
}

/** The user a request names, or the caller's own user when it names none (keys, certificates, MFA). */
async function ownerOf(input: { UserName?: string }, view: AccountView): Promise<string | undefined> {
  return input.UserName ?? (await view.callerName());
}

/** The user ownerOf() names, as the view holds it. */
async function ownerModel(input: { UserName?: string }, view: AccountView): Promise<UserModel | undefined> {
  const owner = await ownerOf(input, view);
  return owner === undefined ? undefined : view.user(owner);
}

/** Counts the account-wide entity counter `key` (Users, Groups...) up or down after a create or delete. */
async function count(view: AccountView, key: string, delta: number): Promise<void> {
  const summary = await view.summary();
  if (summary[key] !== undefined) summary[key] += delta;
}

const policyName = (arn: string) => arn.split("/").pop()!;

type Holder = "user" | "group" | "role";
const holder = (view: AccountView, kind: Holder, name: string): Promise<UserModel | GroupModel | RoleModel | undefined> =>
  kind === "user" ? view.user(name) : kind === "group" ? view.group(name) : view.role(name);

/** Attach/Detach/Put/Delete of a user's, group's or role's policies: the same rules for the three. */
function policyOperations<Kind extends Holder, Key extends string>(kind: Kind, nameKey: Key, quotaKey: string) {
  type ByArn = Operation<Named<Key> & { PolicyArn: string }>;
  type ByName = Operation<Named<Key> & { PolicyName: string }>;
  const held = (input: Named<Key>, view: AccountView) => holder(view, kind, input[nameKey]);
  const exists = (input: Named<Key>, view: AccountView) => mustExist(`${kind} ${input[nameKey]}`, held(input, view));
  const attach: ByArn = {
    check: async (input, view) =>
      firstOf(exists(input, view), mustExist(`managed policy ${input.PolicyArn}`, view.policy(input.PolicyArn)), async () => {
        const attached = (await held(input, view))!.attachedPolicies;
        return attached.has(input.PolicyArn) ? undefined : withinQuota(view, quotaKey, `${kind} ${input[nameKey]}`, () => attached.size)();
      }),
    apply: async (input, view) => {
      const attached = (await held(input, view))?.attachedPolicies;
      const policy = await view.policy(input.PolicyArn);
      if (attached && !attached.has(input.PolicyArn) && policy) policy.attachments++;
      attached?.add(input.PolicyArn);
    },
  };
  const detach: ByArn = {
    check: async (input, view) =>
      firstOf(exists(input, view), async () =>
        (await held(input, view))!.attachedPolicies.has(input.PolicyArn) ? undefined : missing(`managed policy ${input.PolicyArn} attached to ${kind} ${input[nameKey]}`),
      ),
    apply: async (input, view) => {
      const attached = (await held(input, view))?.attachedPolicies;
      const policy = await view.policy(input.PolicyArn);
      if (attached?.delete(input.PolicyArn) && policy) policy.attachments--;
    },
  };
  const put: ByName = {
    check: async (input, view) => exists(input, view)(),
    apply: async (input, view) => void (await held(input, view))?.policies.add(input.PolicyName),
  };
  const remove: ByName = {
    check: async (input, view) =>
      firstOf(exists(input, view), async () =>
        (await held(input, view))!.policies.has(input.PolicyName) ? undefined : missing(`inline policy ${input.PolicyName} of ${kind} ${input[nameKey]}`),
      ),
    apply: async (input, view) => void (await held(input, view))?.policies.delete(input.PolicyName),
  };
  const Noun = kind[0].toUpperCase() + kind.slice(1);
  // Keys built from `Noun` are plain strings to the compiler: the cast names them.
  return { [`Attach${Noun}Policy`]: attach, [`Detach${Noun}Policy`]: detach, [`Put${Noun}Policy`]: put, [`Delete${Noun}Policy`]: remove } as Record<
    `${"Attach" | "Detach"}${Capitalize<Kind>}Policy`,
    ByArn
  > &
    Record<`${"Put" | "Delete"}${Capitalize<Kind>}Policy`, ByName>;
}

/** Operations on one of a user's credentials (access key, certificate, SSH key...) named by its id. */
function credentialOperations<Update extends IamChange, Remove extends IamChange, Key extends string>(
  set: "accessKeys" | "certificates" | "sshKeys" | "serviceCredentials",
  what: string,
  idKey: Key,
  actions: { update: Update[]; remove: Remove },
): Record<Update | Remove, Operation<{ UserName?: string } & Named<Key>>> {
  type Rules = Operation<{ UserName?: string } & Named<Key>>;
  const check: Rules["check"] = async (input, view) => {
    const owner = await ownerOf(input, view);
    if (owner === undefined) return undefined;
    const user = await view.user(owner);
    if (!user) return missing(`user ${owner}`);
    return user[set].has(input[idKey]) ? undefined : missing(`${what} ${input[idKey]} of user ${owner}`);
  };
  const remove: Rules = { check, apply: async (input, view) => void (await ownerModel(input, view))?.[set].delete(input[idKey]) };
  return { ...Object.fromEntries(actions.update.map((action) => [action, { check }])), [actions.remove]: remove } as Record<Update | Remove, Rules>;
}

/**
 * A credential added to a user: the user must exist, and the per-user quota (when the map has one)
 * hold. The view records it under `input[idKey]` when the planner chose the id it answers with.
 */
function addCredential<Key extends string>(
  set: "accessKeys" | "certificates" | "sshKeys",
  what: string,
  idKey: Key,
  quotaKey?: string,
): Operation<{ UserName?: string } & Partial<Named<Key>>> {
  return {
    check: async (input, view) => {
      const owner = await ownerOf(input, view);
      if (owner === undefined) return undefined;
      const user = await view.user(owner);
      if (!user) return missing(`user ${owner}`);
      return quotaKey ? withinQuota(view, quotaKey, `user ${owner}`, () => user[set].size)() : undefined;
    },
    apply: async (input, view) => {
      const held = (await ownerModel(input, view))?.[set];
      held?.add(input[idKey] ?? `planned ${what} ${held.size + 1}`);
    },
  };
}

/** An operation that only needs its entity to be there (tags, trust policy, renames' source...). */
const onExisting = <Key extends string>(what: string, entity: (name: string, view: AccountView) => Promise<unknown>, nameKey: Key): Operation<Named<Key>> => ({
  check: async (input, view) => mustExist(`${what} ${input[nameKey]}`, entity(input[nameKey], view))(),
});

/**
 * Put or Delete of a user's or role's permissions boundary: the entity, and the policy a Put names,
 * must exist; the boundary use counts of the policies follow the change.
 */
function boundaryOperation<Key extends string>(kind: "user" | "role", nameKey: Key): Operation<Named<Key> & { PermissionsBoundary?: string }> {
  return {
    check: async (input, view) =>
      firstOf(mustExist(`${kind} ${input[nameKey]}`, holder(view, kind, input[nameKey])), () =>
        input.PermissionsBoundary === undefined ? undefined : mustExist(`managed policy ${input.PermissionsBoundary}`, view.policy(input.PermissionsBoundary))(),
      ),
    apply: async (input, view) => {
      if (await holder(view, kind, input[nameKey])) await view.boundaryNow(kind, input[nameKey], input.PermissionsBoundary);
    },
  };
}

const userIs = (name: string, view: AccountView) => view.user(name);
const roleIs = (name: string, view: AccountView) => view.role(name);
const profileIs = (name: string, view: AccountView) => view.instanceProfile(name);
const policyIs = (arn: string, view: AccountView) => view.policy(arn);

/** A login profile's password against the account's password policy. */
async function passwordAllowed(input: { Password?: string }, view: AccountView): Promise<Refusal | undefined> {
  const policy = input.Password === undefined ? undefined : await view.passwordPolicy();
  const breaches = policy ? passwordPolicyBreaches(input.Password!, policy) : [];
  return breaches.length ? { code: "PasswordPolicyViolation", why: `the password breaks the account's password policy: ${breaches.join("; ")}` } : undefined;
}

/** The login profile of a user that must exist. */
const loginProfile = (name: string, view: AccountView) => view.user(name).then((user) => (user?.loginProfile ? user : undefined));

/** Whether the user ownerOf() names has a login profile (undefined when nobody is named). */
async function setLoginProfile(input: { UserName?: string }, view: AccountView, held: boolean): Promise<void> {
  const user = await ownerModel(input, view);
  if (user) user.loginProfile = held;
}

/** The MFA device a user holds: for Deactivate and Resync. */
const heldDevice: Operation<{ UserName?: string; SerialNumber: string }>["check"] = async (input, view) => {
  const owner = await ownerOf(input, view);
  if (owner === undefined) return undefined;
  const user = await view.user(owner);
  if (!user) return missing(`user ${owner}`);
  return user.mfaDevices.has(input.SerialNumber) ? undefined : missing(`MFA device ${input.SerialNumber} of user ${owner}`);
};

/** Undefined when the entity is not there, as onExisting() expects. */
const serverCertificateIs = async (name: string, view: AccountView) => (await view.serverCertificate(name)) || undefined;
const virtualMfaDeviceIs = async (serial: string, view: AccountView) => ((await view.virtualMfaDevices()).has(serial) ? true : undefined);

/**
 * OpenID Connect and SAML providers, known by ARN. A new provider's ARN ends in the issuer's host
 * (OIDC) or the name (SAML); the account part is not needed to find it.
 */
type OidcOperation = "AddClientIDToOpenIDConnectProvider" | "RemoveClientIDFromOpenIDConnectProvider" | "UpdateOpenIDConnectProviderThumbprint" | "TagOpenIDConnectProvider" | "UntagOpenIDConnectProvider";
type SamlOperation = "UpdateSAMLProvider" | "TagSAMLProvider" | "UntagSAMLProvider";
function identityProviderOperations() {
  const arnEnding = (input: { Url?: string; Name?: string }) =>
    input.Url !== undefined ? `:oidc-provider/${input.Url.replace(/^https:\/\//, "").replace(/\/+$/, "")}` : `:saml-provider/${input.Name}`;
  const create: Operation<{ Url?: string; Name?: string }> = {
    check: async (input, view) => {
      const taken = [...(await view.identityProviders())].find((arn) => arn.endsWith(arnEnding(input)));
      return taken ? { code: "EntityAlreadyExists", why: `provider ${taken} already exists` } : undefined;
    },
  };
  const existing = <Key extends string>(kind: string, arnKey: Key): Operation<Named<Key>> => ({
    check: async (input, view) => ((await view.identityProviders()).has(input[arnKey]) ? undefined : missing(`${kind} provider ${input[arnKey]}`)),
  });
  const deleted = <Key extends string>(kind: string, arnKey: Key): Operation<Named<Key>> => ({
    ...existing(kind, arnKey),
    apply: async (input, view) => void (await view.identityProviders()).delete(input[arnKey]),
  });
  const oidc = existing("OIDC", "OpenIDConnectProviderArn");
  const saml = existing("SAML", "SAMLProviderArn");
  const oidcActions: OidcOperation[] = ["AddClientIDToOpenIDConnectProvider", "RemoveClientIDFromOpenIDConnectProvider", "UpdateOpenIDConnectProviderThumbprint", "TagOpenIDConnectProvider", "UntagOpenIDConnectProvider"];
  const samlActions: SamlOperation[] = ["UpdateSAMLProvider", "TagSAMLProvider", "UntagSAMLProvider"];
  return {
    CreateOpenIDConnectProvider: create,
    CreateSAMLProvider: create,
    DeleteOpenIDConnectProvider: deleted("OIDC", "OpenIDConnectProviderArn"),
    DeleteSAMLProvider: deleted("SAML", "SAMLProviderArn"),
    ...(Object.fromEntries(oidcActions.map((action) => [action, oidc])) as Record<OidcOperation, typeof oidc>),
    ...(Object.fromEntries(samlActions.map((action) => [action, saml])) as Record<SamlOperation, typeof saml>),
  };
}

/** The operations no iamkit command calls: no dry run plans them. */
const NOT_CALLED: NotPredicted = { notPredicted: "no iamkit command calls it" };

/**
 * Every changing IAM operation (IamChange in src/core/operations.ts) has an entry, or this does not
 * compile: a rule reading the SDK's input for it, or the reason a dry run does not judge it.
 */
const OPERATIONS = {
  CreateUser: {
    check: async (input, view) =>
      firstOf(
        mustNotExist(`user ${input.UserName}`, view.user(input.UserName)),
        async () => (input.PermissionsBoundary ? mustExist(`managed policy ${input.PermissionsBoundary}`, view.policy(input.PermissionsBoundary))() : undefined),
        withinQuota(view, "UsersQuota", "the account", async () => (await view.summary()).Users),
      ),
    apply: async (input, view) => {
      if (!(await view.user(input.UserName))) await count(view, "Users", 1);
      view.created("user", input.UserName);
      if (input.PermissionsBoundary) await view.boundaryNow("user", input.UserName, input.PermissionsBoundary);
    },
  },
  DeleteUser: {
    check: async (input, view) => {
      const user = await view.user(input.UserName);
      if (!user) return missing(`user ${input.UserName}`);
      return conflict(`user ${input.UserName}`, blockersHeld(DELETE_RULES.DeleteUser, user));
    },
    apply: async (input, view) => {
      if (await view.user(input.UserName)) await count(view, "Users", -1);
      await view.boundaryNow("user", input.UserName, undefined);
      view.deleted("user", input.UserName);
    },
  },
  UpdateUser: {
    check: async (input, view) =>
      firstOf(mustExist(`user ${input.UserName}`, view.user(input.UserName)), () =>
        input.NewUserName && input.NewUserName !== input.UserName ? mustNotExist(`user ${input.NewUserName}`, view.user(input.NewUserName))() : undefined,
      ),
    apply: async (input, view) => (input.NewUserName ? view.renamed("user", input.UserName, input.NewUserName) : undefined),
  },
  CreateGroup: {
    check: async (input, view) =>
      firstOf(
        mustNotExist(`group ${input.GroupName}`, view.group(input.GroupName)),
        withinQuota(view, "GroupsQuota", "the account", async () => (await view.summary()).Groups),
      ),
    apply: async (input, view) => {
      if (!(await view.group(input.GroupName))) await count(view, "Groups", 1);
      view.created("group", input.GroupName);
    },
  },
  DeleteGroup: {
    check: async (input, view) => {
      const group = await view.group(input.GroupName);
      if (!group) return missing(`group ${input.GroupName}`);
      return conflict(`group ${input.GroupName}`, blockersHeld(DELETE_RULES.DeleteGroup, group));
    },
    apply: async (input, view) => {
      if (await view.group(input.GroupName)) await count(view, "Groups", -1);
      view.deleted("group", input.GroupName);
    },
  },
  UpdateGroup: {
    check: async (input, view) =>
      firstOf(mustExist(`group ${input.GroupName}`, view.group(input.GroupName)), () =>
        input.NewGroupName && input.NewGroupName !== input.GroupName ? mustNotExist(`group ${input.NewGroupName}`, view.group(input.NewGroupName))() : undefined,
      ),
    apply: async (input, view) => (input.NewGroupName ? view.renamed("group", input.GroupName, input.NewGroupName) : undefined),
  },
  AddUserToGroup: {
    check: async (input, view) =>
      firstOf(
        mustExist(`group ${input.GroupName}`, view.group(input.GroupName)),
        mustExist(`user ${input.UserName}`, view.user(input.UserName)),
        async () => {
          const groups = (await view.user(input.UserName))!.groups;
          return groups.has(input.GroupName) ? undefined : withinQuota(view, "GroupsPerUserQuota", `user ${input.UserName}`, () => groups.size)();
        },
      ),
    apply: async (input, view) => {
      (await view.user(input.UserName))?.groups.add(input.GroupName);
      (await view.group(input.GroupName))?.users.add(input.UserName);
    },
  },
  RemoveUserFromGroup: {
    check: async (input, view) =>
      firstOf(mustExist(`group ${input.GroupName}`, view.group(input.GroupName)), mustExist(`user ${input.UserName}`, view.user(input.UserName))),
    apply: async (input, view) => {
      (await view.user(input.UserName))?.groups.delete(input.GroupName);
      (await view.group(input.GroupName))?.users.delete(input.UserName);
    },
  },
  CreateRole: {
    check: async (input, view) =>
      firstOf(
        mustNotExist(`role ${input.RoleName}`, view.role(input.RoleName)),
        async () => (input.PermissionsBoundary ? mustExist(`managed policy ${input.PermissionsBoundary}`, view.policy(input.PermissionsBoundary))() : undefined),
        withinQuota(view, "RolesQuota", "the account", async () => (await view.summary()).Roles),
      ),
    apply: async (input, view) => {
      if (!(await view.role(input.RoleName))) await count(view, "Roles", 1);
      view.created("role", input.RoleName);
      if (input.PermissionsBoundary) await view.boundaryNow("role", input.RoleName, input.PermissionsBoundary);
    },
  },
  DeleteRole: {
    check: async (input, view) => {
      const role = await view.role(input.RoleName);
      if (!role) return missing(`role ${input.RoleName}`);
      return conflict(`role ${input.RoleName}`, blockersHeld(DELETE_RULES.DeleteRole, role));
    },
    apply: async (input, view) => {
      if (await view.role(input.RoleName)) await count(view, "Roles", -1);
      await view.boundaryNow("role", input.RoleName, undefined);
      view.deleted("role", input.RoleName);
    },
  },
  UpdateAssumeRolePolicy: onExisting("role", roleIs, "RoleName"),
  CreateInstanceProfile: {
    check: async (input, view) =>
      firstOf(
        mustNotExist(`instance profile ${input.InstanceProfileName}`, view.instanceProfile(input.InstanceProfileName)),
        withinQuota(view, "InstanceProfilesQuota", "the account", async () => (await view.summary()).InstanceProfiles),
      ),
    apply: async (input, view) => {
      if (!(await view.instanceProfile(input.InstanceProfileName))) await count(view, "InstanceProfiles", 1);
      view.created("instance profile", input.InstanceProfileName);
    },
  },
  DeleteInstanceProfile: {
    check: async (input, view) => {
      const profile = await view.instanceProfile(input.InstanceProfileName);
      if (!profile) return missing(`instance profile ${input.InstanceProfileName}`);
      return conflict(`instance profile ${input.InstanceProfileName}`, blockersHeld(DELETE_RULES.DeleteInstanceProfile, profile));
    },
    apply: async (input, view) => {
      if (await view.instanceProfile(input.InstanceProfileName)) await count(view, "InstanceProfiles", -1);
      view.deleted("instance profile", input.InstanceProfileName);
    },
  },
  AddRoleToInstanceProfile: {
    check: async (input, view) =>
      firstOf(
        mustExist(`instance profile ${input.InstanceProfileName}`, view.instanceProfile(input.InstanceProfileName)),
        mustExist(`role ${input.RoleName}`, view.role(input.RoleName)),
        async () => {
          // IAM's fixed rule: an instance profile holds one role.
          const roles = (await view.instanceProfile(input.InstanceProfileName))!.roles;
          return roles.size > 0
            ? { code: "LimitExceeded", why: `instance profile ${input.InstanceProfileName} already holds role ${[...roles][0]}, and holds one at most` }
            : undefined;
        },
      ),
    apply: async (input, view) => {
      (await view.instanceProfile(input.InstanceProfileName))?.roles.add(input.RoleName);
      (await view.role(input.RoleName))?.instanceProfiles.add(input.InstanceProfileName);
    },
  },
  RemoveRoleFromInstanceProfile: {
    check: async (input, view) =>
      firstOf(mustExist(`instance profile ${input.InstanceProfileName}`, view.instanceProfile(input.InstanceProfileName)), async () =>
        (await view.instanceProfile(input.InstanceProfileName))!.roles.has(input.RoleName)
          ? undefined
          : missing(`role ${input.RoleName} in instance profile ${input.InstanceProfileName}`),
      ),
    apply: async (input, view) => {
      (await view.instanceProfile(input.InstanceProfileName))?.roles.delete(input.RoleName);
      (await view.role(input.RoleName))?.instanceProfiles.delete(input.InstanceProfileName);
    },
  },
  CreatePolicy: {
    check: async (input, view) =>
      firstOf(
        async () =>
          (await view.localPolicyNames()).has(input.PolicyName) ? { code: "EntityAlreadyExists", why: `managed policy ${input.PolicyName} already exists` } : undefined,
        withinQuota(view, "PoliciesQuota", "the account", async () => (await view.summary()).Policies),
      ),
    apply: async (input, view) => {
      if (!(await view.localPolicyNames()).has(input.PolicyName)) await count(view, "Policies", 1);
      // A planner that answers with an ARN passes it: the steps after it then find the policy.
      if (input.PolicyArn) await view.createdPolicy(input.PolicyArn, input.PolicyName);
      else (await view.localPolicyNames()).add(input.PolicyName);
    },
  },
  DeletePolicy: {
    check: async (input, view) => {
      const policy = await view.policy(input.PolicyArn);
      if (!policy) return missing(`managed policy ${input.PolicyArn}`);
      return conflict(`managed policy ${policyName(input.PolicyArn)}`, blockersHeld(DELETE_RULES.DeletePolicy, policy));
    },
    apply: async (input, view) => {
      if (await view.policy(input.PolicyArn)) await count(view, "Policies", -1);
      view.deleted("policy", input.PolicyArn);
      (await view.localPolicyNames()).delete(policyName(input.PolicyArn));
    },
  },
  CreatePolicyVersion: {
    check: async (input, view) =>
      firstOf(mustExist(`managed policy ${input.PolicyArn}`, view.policy(input.PolicyArn)), async () =>
        withinQuota(view, "VersionsPerPolicyQuota", `managed policy ${policyName(input.PolicyArn)}`, async () => (await view.policy(input.PolicyArn))!.versions.size)(),
      ),
    apply: async (input, view) => {
      const versions = (await view.policy(input.PolicyArn))?.versions;
      if (!versions) return;
      const id = input.VersionId ?? `planned v${versions.size + 1}`;
      if (input.SetAsDefault) for (const key of versions.keys()) versions.set(key, false);
      versions.set(id, Boolean(input.SetAsDefault));
    },
  },
  DeletePolicyVersion: {
    check: async (input, view) => {
      const policy = await view.policy(input.PolicyArn);
      if (!policy) return missing(`managed policy ${input.PolicyArn}`);
      if (!policy.versions.has(input.VersionId)) return missing(`version ${input.VersionId} of managed policy ${policyName(input.PolicyArn)}`);
      return policy.versions.get(input.VersionId)
        ? { code: "DeleteConflict", why: `version ${input.VersionId} is the default version of managed policy ${policyName(input.PolicyArn)}` }
        : undefined;
    },
    apply: async (input, view) => void (await view.policy(input.PolicyArn))?.versions.delete(input.VersionId),
  },
  SetDefaultPolicyVersion: {
    check: async (input, view) =>
      firstOf(mustExist(`managed policy ${input.PolicyArn}`, view.policy(input.PolicyArn)), async () =>
        (await view.policy(input.PolicyArn))!.versions.has(input.VersionId) ? undefined : missing(`version ${input.VersionId} of managed policy ${policyName(input.PolicyArn)}`),
      ),
    apply: async (input, view) => {
      const versions = (await view.policy(input.PolicyArn))?.versions;
      for (const key of versions?.keys() ?? []) versions!.set(key, key === input.VersionId);
    },
  },
  ...policyOperations("user", "UserName", "AttachedPoliciesPerUserQuota"),
  ...policyOperations("group", "GroupName", "AttachedPoliciesPerGroupQuota"),
  ...policyOperations("role", "RoleName", "AttachedPoliciesPerRoleQuota"),
  PutUserPermissionsBoundary: boundaryOperation("user", "UserName"),
  PutRolePermissionsBoundary: boundaryOperation("role", "RoleName"),
  DeleteUserPermissionsBoundary: boundaryOperation("user", "UserName"),
  DeleteRolePermissionsBoundary: boundaryOperation("role", "RoleName"),
  TagUser: onExisting("user", userIs, "UserName"),
  UntagUser: onExisting("user", userIs, "UserName"),
  TagRole: onExisting("role", roleIs, "RoleName"),
  UntagRole: onExisting("role", roleIs, "RoleName"),
  TagInstanceProfile: onExisting("instance profile", profileIs, "InstanceProfileName"),
  UntagInstanceProfile: onExisting("instance profile", profileIs, "InstanceProfileName"),
  TagPolicy: onExisting("managed policy", policyIs, "PolicyArn"),
  UntagPolicy: onExisting("managed policy", policyIs, "PolicyArn"),
  CreateAccessKey: addCredential("accessKeys", "access key", "AccessKeyId", "AccessKeysPerUserQuota"),
  ...credentialOperations("accessKeys", "access key", "AccessKeyId", { update: ["UpdateAccessKey"], remove: "DeleteAccessKey" }),
  UploadSigningCertificate: addCredential("certificates", "signing certificate", "CertificateId", "SigningCertificatesPerUserQuota"),
  ...credentialOperations("certificates", "signing certificate", "CertificateId", { update: ["UpdateSigningCertificate"], remove: "DeleteSigningCertificate" }),
  UploadSSHPublicKey: addCredential("sshKeys", "SSH public key", "SSHPublicKeyId"),
  ...credentialOperations("sshKeys", "SSH public key", "SSHPublicKeyId", { update: ["UpdateSSHPublicKey"], remove: "DeleteSSHPublicKey" }),
  ...credentialOperations("serviceCredentials", "service-specific credential", "ServiceSpecificCredentialId", {
    update: ["UpdateServiceSpecificCredential", "ResetServiceSpecificCredential"],
    remove: "DeleteServiceSpecificCredential",
  }),
  // UserName is optional to the SDK (the caller's own profile): ownerOf() names the user then.
  CreateLoginProfile: {
    check: async (input, view) => {
      const owner = await ownerOf(input, view);
      if (owner === undefined) return undefined;
      return firstOf(
        mustExist(`user ${owner}`, view.user(owner)),
        mustNotExist(`login profile of user ${owner}`, loginProfile(owner, view)),
        () => passwordAllowed(input, view),
      );
    },
    apply: (input, view) => setLoginProfile(input, view, true),
  },
  UpdateLoginProfile: {
    check: async (input, view) => {
      const owner = await ownerOf(input, view);
      if (owner === undefined) return undefined;
      return firstOf(mustExist(`login profile of user ${owner}`, loginProfile(owner, view)), () => passwordAllowed(input, view));
    },
  },
  DeleteLoginProfile: {
    check: async (input, view) => {
      const owner = await ownerOf(input, view);
      return owner === undefined ? undefined : mustExist(`login profile of user ${owner}`, loginProfile(owner, view))();
    },
    apply: (input, view) => setLoginProfile(input, view, false),
  },
  CreateVirtualMFADevice: {
    check: async (input, view) => {
      const devices = await view.virtualMfaDevices();
      const taken = [...devices.keys()].some((serial) => serial.endsWith(`/${input.VirtualMFADeviceName}`));
      return taken ? { code: "EntityAlreadyExists", why: `virtual MFA device ${input.VirtualMFADeviceName} already exists` } : undefined;
    },
    // A planner that answers with a serial number passes it: the steps after it then find the device.
    apply: async (input, view) => {
      if (input.SerialNumber) (await view.virtualMfaDevices()).set(input.SerialNumber, undefined);
    },
  },
  DeleteVirtualMFADevice: {
    check: async (input, view) => {
      const devices = await view.virtualMfaDevices();
      if (!devices.has(input.SerialNumber)) return missing(`virtual MFA device ${input.SerialNumber}`);
      const user = devices.get(input.SerialNumber);
      return user ? { code: "DeleteConflict", why: `virtual MFA device ${input.SerialNumber} is assigned to user ${user} (deactivate it first)` } : undefined;
    },
    apply: async (input, view) => void (await view.virtualMfaDevices()).delete(input.SerialNumber),
  },
  EnableMFADevice: {
    check: async (input, view) =>
      firstOf(mustExist(`user ${input.UserName}`, view.user(input.UserName)), async () => {
        const serial = input.SerialNumber;
        const held = (await view.user(input.UserName))!.mfaDevices.has(serial);
        const devices = await view.virtualMfaDevices();
        const assigned = held ? input.UserName : devices.get(serial);
        if (assigned) return { code: "EntityAlreadyExists", why: `MFA device ${serial} is already assigned to user ${assigned}` };
        // A virtual device's serial is its ARN; a hardware device's is not, and is not listed.
        return serial.startsWith("arn:") && !devices.has(serial) ? missing(`virtual MFA device ${serial}`) : undefined;
      }),
    apply: async (input, view) => {
      (await view.user(input.UserName))?.mfaDevices.add(input.SerialNumber);
      const devices = await view.virtualMfaDevices();
      if (devices.has(input.SerialNumber)) devices.set(input.SerialNumber, input.UserName);
    },
  },
  DeactivateMFADevice: {
    check: heldDevice,
    apply: async (input, view) => {
      (await ownerModel(input, view))?.mfaDevices.delete(input.SerialNumber);
      const devices = await view.virtualMfaDevices();
      if (devices.has(input.SerialNumber)) devices.set(input.SerialNumber, undefined);
    },
  },
  ResyncMFADevice: { check: heldDevice },
  UploadServerCertificate: {
    check: async (input, view) =>
      firstOf(
        async () =>
          (await view.serverCertificate(input.ServerCertificateName))
            ? { code: "EntityAlreadyExists", why: `server certificate ${input.ServerCertificateName} already exists` }
            : undefined,
        withinQuota(view, "ServerCertificatesQuota", "the account", async () => (await view.summary()).ServerCertificates),
      ),
    apply: async (input, view) => view.serverCertificateNow(input.ServerCertificateName, true),
  },
  UpdateServerCertificate: {
    check: async (input, view) =>
      firstOf(
        async () => ((await view.serverCertificate(input.ServerCertificateName)) ? undefined : missing(`server certificate ${input.ServerCertificateName}`)),
        async () =>
          input.NewServerCertificateName && (await view.serverCertificate(input.NewServerCertificateName))
            ? { code: "EntityAlreadyExists", why: `server certificate ${input.NewServerCertificateName} already exists` }
            : undefined,
      ),
    apply: async (input, view) => {
      const to = input.NewServerCertificateName;
      if (!to || to === input.ServerCertificateName || !(await view.serverCertificate(input.ServerCertificateName)) || (await view.serverCertificate(to))) return;
      view.serverCertificateNow(input.ServerCertificateName, false);
      view.serverCertificateNow(to, true);
    },
  },
  DeleteServerCertificate: {
    check: async (input, view) =>
      (await view.serverCertificate(input.ServerCertificateName)) ? undefined : missing(`server certificate ${input.ServerCertificateName}`),
    apply: async (input, view) => view.serverCertificateNow(input.ServerCertificateName, false),
  },
  // Whether the alias is free is not judged (another account may hold it); an account has one alias.
  CreateAccountAlias: {
    apply: async (input, view) => {
      const aliases = await view.accountAliases();
      aliases.clear();
      aliases.add(input.AccountAlias);
    },
  },
  DeleteAccountAlias: {
    check: async (input, view) => ((await view.accountAliases()).has(input.AccountAlias) ? undefined : missing(`account alias ${input.AccountAlias}`)),
    apply: async (input, view) => void (await view.accountAliases()).delete(input.AccountAlias),
  },
  // IAM resets every parameter UpdateAccountPasswordPolicy leaves out to its default: the input is the whole new policy.
  UpdateAccountPasswordPolicy: {
    apply: async (input, view) => view.passwordPolicyNow({ ...input }),
  },
  DeleteAccountPasswordPolicy: {
    check: async (_input, view) => ((await view.passwordPolicy()) ? undefined : missing("the account's password policy")),
    apply: async (_input, view) => view.passwordPolicyNow(undefined),
  },
  ...identityProviderOperations(),
  UpdateRole: onExisting("role", roleIs, "RoleName"),
  DeleteServiceLinkedRole: onExisting("role", roleIs, "RoleName"),
  TagServerCertificate: onExisting("server certificate", serverCertificateIs, "ServerCertificateName"),
  UntagServerCertificate: onExisting("server certificate", serverCertificateIs, "ServerCertificateName"),
  TagMFADevice: onExisting("virtual MFA device", virtualMfaDeviceIs, "SerialNumber"),
  UntagMFADevice: onExisting("virtual MFA device", virtualMfaDeviceIs, "SerialNumber"),
  ChangePassword: { notPredicted: "depends on the caller's current password and the ones used before" },
  CreateServiceLinkedRole: { notPredicted: "the role's name and whether the service takes one are the service's" },
  SetSecurityTokenServicePreferences: { notPredicted: "nothing to judge: an account may always set it" },
  AcceptDelegationRequest: NOT_CALLED,
  AcquireRole: NOT_CALLED,
  AssociateDelegationRequest: NOT_CALLED,
  CreateDelegationRequest: NOT_CALLED,
  CreateServiceSpecificCredential: NOT_CALLED,
  DisableOrganizationsRootCredentialsManagement: NOT_CALLED,
  DisableOrganizationsRootSessions: NOT_CALLED,
  DisableOutboundWebIdentityFederation: NOT_CALLED,
  EnableOrganizationsRootCredentialsManagement: NOT_CALLED,
  EnableOrganizationsRootSessions: NOT_CALLED,
  EnableOutboundWebIdentityFederation: NOT_CALLED,
  PutAccountProperties: NOT_CALLED,
  RejectDelegationRequest: NOT_CALLED,
  SendDelegationToken: NOT_CALLED,
  UpdateDelegationRequest: NOT_CALLED,
  UpdateRoleDescription: NOT_CALLED,
} satisfies Rules;

/**
 * The rule for an action by name, read with the loose input the callers pass (a planner's step,
 * an SDK request); undefined for a read, a local step or an operation not predicted.
 */
function ruleOf(action: string): Operation<StepInput> | undefined {
  const entry = (OPERATIONS as unknown as Record<string, Operation<StepInput> | NotPredicted | undefined>)[action];
  return entry && !("notPredicted" in entry) ? entry : undefined;
}

/**
 * What IAM would answer to `action` with `input`, given the steps before it; then records the
 * step's effect in the view. Operations not predicted (ChangePassword...) and local
 * file steps are taken to succeed.
 */
export async function predict(action: string, input: StepInput, view: AccountView): Promise<Refusal | undefined> {
  const operation = ruleOf(action);
  const refusal = await operation?.check?.(input, view);
  await operation?.apply?.(input, view);
  return refusal;
}

/**
 * One step of a runbook's plan: a step IAM would refuse changes nothing (the command stops at the
 * refusal, as it would for real), so only an accepted step is recorded in the view.
 */
export async function predictStep(action: string, input: StepInput, view: AccountView): Promise<Refusal | undefined> {
  const operation = ruleOf(action);
  const refusal = await operation?.check?.(input, view);
  if (!refusal) await operation?.apply?.(input, view);
  return refusal;
}

/** The operations predict() judges, for docs and tests. */
export const PREDICTED_OPERATIONS: readonly string[] = Object.keys(OPERATIONS).filter((action) => ruleOf(action)?.check);
