// The strict IAM layer: a loopback endpoint in front of moto that refuses what real IAM refuses
// where moto is lenient, pages what moto does not page, and keeps the state moto lacks (user
// permissions boundaries, service-specific credentials). Every end-to-end test talks to IAM
// through it (test/harness/moto.ts). Plain JavaScript so that the benchmarks can run it too.
//
// Each rule cites the IAM API reference page it follows. Refusals are IAM's: the HTTP status,
// and an ErrorResponse document with Type, Code, Message and a RequestId. Where the layer needs
// to know moto's state it asks moto with ordinary read calls, signed like any client.
import { randomBytes, randomUUID } from "node:crypto";
import { IAM } from "@aws-sdk/client-iam";
import { collect as all } from "../../dist/iam/paginate.js";
import { escapeXml, iamError, startLoopbackProxy } from "./loopback-proxy.mjs";
import { signingKeyId, verifySignature } from "./sigv4.mjs";
import { propagationDelay } from "./propagation.mjs";
import { modernRules } from "./strict-iam-modern.mjs";

const NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

/** IAM's answer to a request it refuses. */
const refusal = (status, code, message) => ({ status, body: iamError(code, message, "Sender", randomUUID()) });
const deleteConflict = (message) => refusal(409, "DeleteConflict", message);
const noSuchEntity = (message) => refusal(404, "NoSuchEntity", message);

/** Elements for each defined field, in the order given: IAM's result members. */
function elements(fields) {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<${name}>${escapeXml(value instanceof Date ? value.toISOString() : value)}</${name}>`)
    .join("");
}

/** A list member element of IAM's Query protocol. */
const members = (items, render) => items.map((item) => `<member>${render(item)}</member>`).join("");

/** IAM's success document; `result` is the inner XML of the `<Action>Result` element, if the action has one. */
function success(action, result) {
  const resultElement = result === undefined ? "" : `<${action}Result>${result}</${action}Result>`;
  return {
    status: 200,
    body:
      `<${action}Response xmlns="${NAMESPACE}">${resultElement}` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** IAM's `MaxItems`: "If you do not include this parameter, the number of items defaults to 100." */
const maxItems = (params, cap = 1000) => Math.min(Number(params.MaxItems ?? 100), cap);

/** Opaque markers, as IAM's are: the position of the next item. */
const markerFor = (index) => Buffer.from(`strict-iam:${index}`).toString("base64");
function markerIndex(marker) {
  if (marker === undefined) return 0;
  const match = /^strict-iam:(\d+)$/.exec(Buffer.from(marker, "base64").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

/** One page of `items` as IAM pages a list: at most `limit` items from `marker` on. */
function page(items, params, limit) {
  const start = markerIndex(params.Marker);
  if (start === undefined) return undefined;
  const end = start + limit;
  const truncated = end < items.length;
  return { items: items.slice(start, end), tail: elements({ IsTruncated: truncated, Marker: truncated ? markerFor(end) : undefined }) };
}
const invalidMarker = () => refusal(400, "ValidationError", "Invalid Marker.");

/** Whether a read failed because the entity does not exist. */
const isMissing = (err) => err?.name === "NoSuchEntityException" || err?.name === "NoSuchEntity";

/** A read of the entity a rule is about, or undefined when it does not exist (moto then answers NoSuchEntity). */
async function unlessMissing(read) {
  try {
    return await read;
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/** IAM's DeleteConflict for the first dependent present: `[present, "delete access keys"]` pairs, in IAM's order. */
function firstConflict(checks) {
  const found = checks.find(([present]) => present);
  return found && deleteConflict(`Cannot delete entity, must ${found[1]} first.`);
}

/** The top-level `<member>` elements of a list element in an IAM document (members may nest). */
function topLevelMembers(xml, listTag) {
  const open = xml.indexOf(`<${listTag}>`);
  const close = xml.lastIndexOf(`</${listTag}>`);
  if (open < 0 || close < 0) return undefined;
  const inner = xml.slice(open + listTag.length + 2, close);
  const found = [];
  let depth = 0;
  let start = 0;
  for (const tag of inner.matchAll(/<(\/?)member>/g)) {
    if (!tag[1] && depth++ === 0) start = tag.index;
    if (tag[1] && --depth === 0) found.push(inner.slice(start, tag.index + "</member>".length));
  }
  return { before: xml.slice(0, open), after: xml.slice(close + listTag.length + 3), found };
}

/**
 * Pages moto's whole-list answer as IAM pages it. ListUsers:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html and ListGroups:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroups.html — "MaxItems: ... If
 * additional items exist beyond the maximum you specify, the IsTruncated response element is true"
 * and Marker is the value for the next call's Marker.
 */
function pageMotoList(answer, params, listTag) {
  const split = topLevelMembers(answer.body, listTag);
  if (answer.status !== 200 || !split) return undefined;
  const one = page(split.found, params, maxItems(params));
  if (!one) return invalidMarker();
  const rest = split.after.replace(/<IsTruncated>[^<]*<\/IsTruncated>(<Marker>[^<]*<\/Marker>)?/, "");
  return { status: 200, body: `${split.before}<${listTag}>${one.items.join("")}</${listTag}>${one.tail}${rest}` };
}

/** The `<PermissionsBoundary>` element IAM adds to a user that has one. */
const boundaryElement = (arn) =>
  `<PermissionsBoundary>${elements({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: arn })}</PermissionsBoundary>`;

const credentialXml = (c, withPassword) =>
  elements({
    CreateDate: c.CreateDate,
    ServiceName: c.ServiceName,
    ServiceUserName: c.ServiceUserName,
    ServicePassword: withPassword ? c.ServicePassword : undefined,
    ServiceSpecificCredentialId: c.ServiceSpecificCredentialId,
    UserName: c.UserName,
    Status: c.Status,
  });

/**
 * The first requirement of an account password policy that `password` breaks, as a phrase, or
 * undefined. UpdateAccountPasswordPolicy:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html —
 * MinimumPasswordLength; RequireSymbols: "at least one of the following non-alphanumeric
 * characters: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '"; RequireNumbers: "at least one numeric
 * character (0 to 9)"; RequireUppercaseCharacters / RequireLowercaseCharacters: "at least one
 * uppercase (lowercase) character from the ISO basic Latin alphabet (A to Z / a to z)".
 */
function passwordPolicyBreaks(policy, password) {
  const requirements = [
    [password.length >= (policy.MinimumPasswordLength ?? 0), `have at least ${policy.MinimumPasswordLength} characters`],
    [!policy.RequireSymbols || /[!@#$%^&*()_+\-=[\]{}|']/.test(password), "have at least one symbol"],
    [!policy.RequireNumbers || /[0-9]/.test(password), "have at least one number"],
    [!policy.RequireUppercaseCharacters || /[A-Z]/.test(password), "have at least one uppercase letter"],
    [!policy.RequireLowercaseCharacters || /[a-z]/.test(password), "have at least one lowercase letter"],
  ];
  return requirements.find(([met]) => !met)?.[1];
}

/** IAM ids: a four-letter prefix for the kind, then 17 upper-case letters and digits. */
const iamId = (prefix) =>
  prefix + Array.from(randomBytes(17), (b) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[b % 32]).join("");

/**
 * Starts the layer in front of `upstream` (moto). `knownKeys` maps access key ids to secrets for
 * credentials that are not moto users' (the test harness's own key); moto users' keys are learned
 * as they are created through the layer. Returns the proxy (url, requests, close).
 */
export async function startStrictIam({ upstream, knownKeys = {} }) {
  /** What the layer keeps for moto: user name -> boundary ARN, user name -> credentials. */
  const boundaries = new Map();
  const serviceCredentials = new Map();
  /** Whether moto checks signatures and policies (its reset-auth), so the layer's reads must pass them. */
  let authEnforced = false;
  // While moto does not enforce auth it takes any key; the first known one signs the layer's reads.
  const [defaultKeyId, defaultSecret] = Object.entries(knownKeys)[0] ?? ["AKIAIOSFODNN7EXAMPLE", "any"];
  const client = (accessKeyId, secretAccessKey) =>
    new IAM({ endpoint: upstream, region: "us-east-1", maxAttempts: 1, credentials: { accessKeyId, secretAccessKey } });
  const harnessReader = client(defaultKeyId, defaultSecret);
  const propagation = propagationDelay({ refusal, signingKeyId });

  /** Secrets of the keys moto made for its users, learned from CreateAccessKey answers passing through. */
  const learnedKeys = new Map();
  const secretOf = (accessKeyId) => knownKeys[accessKeyId] ?? learnedKeys.get(accessKeyId);

  /** The client for the layer's reads: while moto enforces auth, as the caller (whose policy moto checks). */
  function readerFor(req) {
    const keyId = signingKeyId(req);
    if (!authEnforced || !learnedKeys.has(keyId)) return harnessReader;
    return client(keyId, secretOf(keyId));
  }

  /**
   * For the actions the layer answers itself, it checks the signature as IAM would (moto checks
   * the rest only while its auth is enforced).
   */
  async function signatureRefusal(req) {
    const keyId = signingKeyId(req);
    const secret = keyId && secretOf(keyId);
    if (!secret) return refusal(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    const { signature, recomputed } = await verifySignature(req, secret);
    if (signature === recomputed) return undefined;
    return refusal(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
  }

  /** Roles whose permissions boundary is `policyArn` (moto keeps role boundaries but ListRoles omits them). */
  async function boundaryRoles(iam, policyArn) {
    const roles = await all((Marker) => iam.listRoles({ Marker }), (p) => p.Roles);
    const full = await Promise.all(roles.map((r) => iam.getRole({ RoleName: r.RoleName })));
    return full.map((r) => r.Role).filter((r) => r.PermissionsBoundary?.PermissionsBoundaryArn === policyArn);
  }

  /** Users whose permissions boundary is `policyArn` (kept by the layer). */
  async function boundaryUsers(iam, policyArn) {
    const names = [...boundaries].filter(([, arn]) => arn === policyArn).map(([name]) => name);
    return Promise.all(names.map(async (UserName) => (await iam.getUser({ UserName })).User));
  }

  /** How many users, groups and roles a policy is attached to (each once), and how many it bounds. */
  async function policyUses(iam, PolicyArn) {
    const [attached, users, roles] = await Promise.all([
      iam.listEntitiesForPolicy({ PolicyArn }),
      boundaryUsers(iam, PolicyArn),
      boundaryRoles(iam, PolicyArn),
    ]);
    const entities = [attached.PolicyUsers, attached.PolicyGroups, attached.PolicyRoles].flatMap((list) => list ?? []);
    return { attachments: entities.length, boundaryUses: users.length + roles.length };
  }

  const userCredentials = (userName) => serviceCredentials.get(userName) ?? [];

  /** The user the layer keeps state for, as moto knows it; undefined when moto does not. */
  const requireUser = async (iam, UserName) => (await unlessMissing(iam.getUser({ UserName })))?.User;
  const noSuchUser = (name) => noSuchEntity(`The user with name ${name} cannot be found.`);

  /** NoSuchEntity when the policy named as a permissions boundary does not exist. */
  async function missingBoundary(iam, PolicyArn) {
    if (await unlessMissing(iam.getPolicy({ PolicyArn }))) return undefined;
    return noSuchEntity(`Policy ${PolicyArn} does not exist or is not attachable.`);
  }

  /** PasswordPolicyViolation when the account has a password policy and `password` breaks it. */
  async function passwordRefusal(iam, password) {
    const policy = (await unlessMissing(iam.getAccountPasswordPolicy({})))?.PasswordPolicy;
    const broken = policy && passwordPolicyBreaks(policy, password);
    return broken ? refusal(400, "PasswordPolicyViolation", `Password should ${broken}.`) : undefined;
  }

  const modern = modernRules({ success, refusal, noSuchEntity, elements, members, page, maxItems, invalidMarker, unlessMissing });
  /** Rules checked before moto sees the request; undefined lets it through. */
  const rules = {
    ...modern.rules,
    /**
     * DeleteUser: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html — "you
     * must delete the items attached to the user manually, or the deletion fails": password
     * (login profile), access keys, signing certificate, SSH public key, Git credentials
     * (service-specific), MFA device, inline policies, attached managed policies, group
     * memberships. A permissions boundary is not among them.
     */
    async DeleteUser(iam, { UserName }) {
      if (!(await requireUser(iam, UserName))) return undefined;
      const [loginProfile, keys, certificates, sshKeys, mfaDevices, groups, inline, attached] = await Promise.all([
        unlessMissing(iam.getLoginProfile({ UserName })),
        all((Marker) => iam.listAccessKeys({ UserName, Marker }), (p) => p.AccessKeyMetadata),
        all((Marker) => iam.listSigningCertificates({ UserName, Marker }), (p) => p.Certificates),
        all((Marker) => iam.listSSHPublicKeys({ UserName, Marker }), (p) => p.SSHPublicKeys),
        all((Marker) => iam.listMFADevices({ UserName, Marker }), (p) => p.MFADevices),
        all((Marker) => iam.listGroupsForUser({ UserName, Marker }), (p) => p.Groups),
        all((Marker) => iam.listUserPolicies({ UserName, Marker }), (p) => p.PolicyNames),
        all((Marker) => iam.listAttachedUserPolicies({ UserName, Marker }), (p) => p.AttachedPolicies),
      ]);
      // IAM's own messages for each dependent.
      return firstConflict([
        [loginProfile, "delete login profile"],
        [keys.length, "delete access keys"],
        [certificates.length, "delete certificates"],
        [mfaDevices.length, "delete MFA device"],
        [sshKeys.length || userCredentials(UserName).length, "remove referenced objects"],
        [groups.length, "remove users from group"],
        [inline.length, "delete policies"],
        [attached.length, "detach all policies"],
      ]);
    },

    /**
     * DeleteGroup: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteGroup.html —
     * "The group must not contain any users or have any attached policies."
     */
    async DeleteGroup(iam, { GroupName }) {
      const users = await unlessMissing(all((Marker) => iam.getGroup({ GroupName, Marker }), (p) => p.Users));
      if (!users) return undefined;
      const [inline, attached] = await Promise.all([
        all((Marker) => iam.listGroupPolicies({ GroupName, Marker }), (p) => p.PolicyNames),
        all((Marker) => iam.listAttachedGroupPolicies({ GroupName, Marker }), (p) => p.AttachedPolicies),
      ]);
      return firstConflict([
        [users.length, "remove users from group"],
        [inline.length, "delete policies"],
        [attached.length, "detach all policies"],
      ]);
    },

    /**
     * DeleteRole: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html — "you
     * must delete the items attached to the role manually, or the deletion fails": inline
     * policies, attached managed policies, instance profile (membership). moto refuses these
     * too, but with status 400; IAM's DeleteConflict is 409.
     */
    async DeleteRole(iam, { RoleName }) {
      const profiles = await unlessMissing(
        all((Marker) => iam.listInstanceProfilesForRole({ RoleName, Marker }), (p) => p.InstanceProfiles),
      );
      if (!profiles) return undefined;
      const [inline, attached] = await Promise.all([
        all((Marker) => iam.listRolePolicies({ RoleName, Marker }), (p) => p.PolicyNames),
        all((Marker) => iam.listAttachedRolePolicies({ RoleName, Marker }), (p) => p.AttachedPolicies),
      ]);
      return firstConflict([
        [profiles.length, "remove roles from instance profile"],
        [attached.length, "detach all policies"],
        [inline.length, "delete policies"],
      ]);
    },

    /**
     * DeleteInstanceProfile:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteInstanceProfile.html —
     * DeleteConflict: "The request was rejected because it attempted to delete a resource that has
     * attached subordinate entities"; the profile's role is removed with RemoveRoleFromInstanceProfile.
     */
    async DeleteInstanceProfile(iam, { InstanceProfileName }) {
      const profile = await unlessMissing(iam.getInstanceProfile({ InstanceProfileName }));
      return firstConflict([[profile?.InstanceProfile?.Roles?.length, "remove roles from instance profile"]]);
    },

    /**
     * DeletePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicy.html —
     * "Before you can delete a managed policy, you must first detach the policy from all users,
     * groups, and roles that it is attached to. In addition, you must delete all the policy's
     * versions" (but the default). A policy in use as a permissions boundary counts as in use
     * (GetPolicy's PermissionsBoundaryUsageCount; ListEntitiesForPolicy with
     * PolicyUsageFilter=PermissionsBoundary lists those entities).
     */
    async DeletePolicy(iam, { PolicyArn }) {
      const versions = await unlessMissing(all((Marker) => iam.listPolicyVersions({ PolicyArn, Marker }), (p) => p.Versions));
      if (!versions) return undefined;
      const { attachments, boundaryUses } = await policyUses(iam, PolicyArn);
      if (attachments || boundaryUses) {
        return deleteConflict("Cannot delete a policy attached to entities.");
      }
      if (versions.some((v) => !v.IsDefaultVersion)) {
        return deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
      }
      return undefined;
    },

    /**
     * DeleteVirtualMFADevice:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html — "You
     * must deactivate a user's virtual MFA device before you can delete it."
     */
    async DeleteVirtualMFADevice(iam, { SerialNumber }) {
      const assigned = await all(
        (Marker) => iam.listVirtualMFADevices({ AssignmentStatus: "Assigned", Marker }),
        (p) => p.VirtualMFADevices,
      );
      if (assigned.some((d) => d.SerialNumber === SerialNumber)) return deleteConflict("MFA Device is already in use.");
      return undefined;
    },

    /**
     * ListEntitiesForPolicy:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListEntitiesForPolicy.html —
     * "PolicyUsageFilter: ... To list only permissions policies, set PolicyUsageFilter to
     * PermissionsPolicy. To list only the policies used to set permissions boundaries, set the
     * value to PermissionsBoundary. This parameter is optional. If it is not included, all
     * policies are returned." moto ignores the filter and knows attachments only.
     */
    async ListEntitiesForPolicy(iam, { PolicyArn, EntityFilter, PolicyUsageFilter }) {
      await iam.getPolicy({ PolicyArn });
      const wants = (kind) => !EntityFilter || EntityFilter === kind;
      const permissions =
        PolicyUsageFilter === "PermissionsBoundary"
          ? {}
          : await iam.listEntitiesForPolicy({ PolicyArn, ...(EntityFilter ? { EntityFilter } : {}) });
      const asPolicy = PolicyUsageFilter === "PermissionsPolicy";
      const [bUsers, bRoles] = await Promise.all([
        asPolicy || !wants("User") ? [] : boundaryUsers(iam, PolicyArn),
        asPolicy || !wants("Role") ? [] : boundaryRoles(iam, PolicyArn),
      ]);
      const union = (listed, extra, name) => [...(listed ?? []), ...extra.filter((e) => !(listed ?? []).some((l) => l[name] === e[name]))];
      const users = union(permissions.PolicyUsers, bUsers, "UserName");
      const roles = union(permissions.PolicyRoles, bRoles, "RoleName");
      const groups = permissions.PolicyGroups ?? [];
      return success(
        "ListEntitiesForPolicy",
        `<PolicyGroups>${members(groups, (g) => elements({ GroupName: g.GroupName, GroupId: g.GroupId }))}</PolicyGroups>` +
          `<PolicyUsers>${members(users, (u) => elements({ UserName: u.UserName, UserId: u.UserId }))}</PolicyUsers>` +
          `<PolicyRoles>${members(roles, (r) => elements({ RoleName: r.RoleName, RoleId: r.RoleId }))}</PolicyRoles>` +
          elements({ IsTruncated: false }),
      );
    },

    /**
     * PutUserPermissionsBoundary:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPermissionsBoundary.html
     * (moto lacks it). The user and the policy must exist (NoSuchEntity).
     */
    async PutUserPermissionsBoundary(iam, { UserName, PermissionsBoundary }) {
      if (!(await requireUser(iam, UserName))) return noSuchUser(UserName);
      const refused = await missingBoundary(iam, PermissionsBoundary);
      if (refused) return refused;
      boundaries.set(UserName, PermissionsBoundary);
      return success("PutUserPermissionsBoundary");
    },

    /**
     * CreateUser: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html —
     * NoSuchEntity: "The request was rejected because it referenced a resource entity that does
     * not exist"; PermissionsBoundary is "The ARN of the managed policy that is used to set the
     * permissions boundary for the user". moto accepts any ARN. A user that exists is moto's
     * EntityAlreadyExists.
     */
    async CreateUser(iam, { UserName, PermissionsBoundary }) {
      if (!PermissionsBoundary || (await requireUser(iam, UserName))) return undefined;
      return missingBoundary(iam, PermissionsBoundary);
    },

    /**
     * CreateRole: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html — the
     * same NoSuchEntity for a PermissionsBoundary policy that does not exist (moto accepts any ARN).
     */
    async CreateRole(iam, { RoleName, PermissionsBoundary }) {
      if (!PermissionsBoundary || (await unlessMissing(iam.getRole({ RoleName })))) return undefined;
      return missingBoundary(iam, PermissionsBoundary);
    },

    /**
     * PutRolePermissionsBoundary:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePermissionsBoundary.html —
     * NoSuchEntity for a policy that does not exist (moto accepts any ARN); a missing role is
     * moto's NoSuchEntity.
     */
    async PutRolePermissionsBoundary(iam, { RoleName, PermissionsBoundary }) {
      if (!(await unlessMissing(iam.getRole({ RoleName })))) return undefined;
      return missingBoundary(iam, PermissionsBoundary);
    },

    /**
     * UpdateUser: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateUser.html —
     * EntityAlreadyExists: "The request was rejected because it attempted to create a resource
     * that already exists." moto renames over the other user, which is lost.
     */
    async UpdateUser(iam, { UserName, NewUserName }) {
      if (!NewUserName || NewUserName === UserName || !(await requireUser(iam, UserName))) return undefined;
      if (!(await requireUser(iam, NewUserName))) return undefined;
      return refusal(409, "EntityAlreadyExists", `User with name ${NewUserName} already exists.`);
    },

    /**
     * UpdateGroup: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateGroup.html —
     * NoSuchEntity and EntityAlreadyExists. Which IAM checks first is not documented; moto looks
     * at the new name first, the layer at the group named, as its other rules do (and as moto
     * does for UpdateUser). Renaming a group to its own name is left to moto (EntityAlreadyExists):
     * IAM does not document that case either.
     */
    async UpdateGroup(iam, { GroupName }) {
      if (await unlessMissing(iam.getGroup({ GroupName }))) return undefined;
      return noSuchEntity(`The group with name ${GroupName} cannot be found.`);
    },

    /**
     * RemoveRoleFromInstanceProfile:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveRoleFromInstanceProfile.html
     * — NoSuchEntity: "The request was rejected because it referenced a resource entity that does
     * not exist": here the role in the profile. moto fails with HTTP 500. A missing profile or
     * role is moto's NoSuchEntity.
     */
    async RemoveRoleFromInstanceProfile(iam, { InstanceProfileName, RoleName }) {
      const profile = await unlessMissing(iam.getInstanceProfile({ InstanceProfileName }));
      if (!profile || !(await unlessMissing(iam.getRole({ RoleName })))) return undefined;
      if (profile.InstanceProfile.Roles.some((r) => r.RoleName === RoleName)) return undefined;
      return noSuchEntity(`Role ${RoleName} is not in instance profile ${InstanceProfileName}.`);
    },

    /**
     * DeleteAccountAlias:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html — "Deletes
     * the specified Amazon Web Services account alias"; NoSuchEntity when it is not the account's.
     * moto deletes whatever alias the account has, whatever the name.
     */
    async DeleteAccountAlias(iam, { AccountAlias }) {
      const { AccountAliases } = await iam.listAccountAliases({});
      if (AccountAliases.includes(AccountAlias)) return undefined;
      return noSuchEntity(`The account alias ${AccountAlias} cannot be found.`);
    },

    /**
     * CreateLoginProfile: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
     * — PasswordPolicyViolation: "The request was rejected because the provided password did not
     * meet the requirements imposed by the account password policy." moto never checks. Only a
     * policy the account has set is applied here (not IAM's default rules for an account without one).
     */
    async CreateLoginProfile(iam, { UserName, Password }) {
      const user = await requireUser(iam, UserName);
      const existing = user && (await unlessMissing(iam.getLoginProfile({ UserName })));
      return user && !existing ? passwordRefusal(iam, Password) : undefined;
    },

    /**
     * UpdateLoginProfile: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateLoginProfile.html
     * — the same PasswordPolicyViolation for a new password; a user without a login profile is
     * moto's NoSuchEntity.
     */
    async UpdateLoginProfile(iam, { UserName, Password }) {
      if (Password === undefined || !(await unlessMissing(iam.getLoginProfile({ UserName })))) return undefined;
      return passwordRefusal(iam, Password);
    },

    /**
     * SetDefaultPolicyVersion:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetDefaultPolicyVersion.html — "Sets
     * the specified version of the specified policy as the policy's default (operative) version."
     * Setting the default version again leaves it the default; moto clears its flag, leaving the
     * policy without one. Answered here in that case.
     */
    async SetDefaultPolicyVersion(iam, { PolicyArn, VersionId }) {
      const versions = await unlessMissing(all((Marker) => iam.listPolicyVersions({ PolicyArn, Marker }), (p) => p.Versions));
      const isDefault = versions?.some((v) => v.VersionId === VersionId && v.IsDefaultVersion);
      return isDefault ? success("SetDefaultPolicyVersion") : undefined;
    },

    /**
     * EnableMFADevice: https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html
     * — "SerialNumber: The serial number that uniquely identifies the MFA device. For virtual MFA
     * devices, the serial number is the device ARN"; NoSuchEntity for one that does not exist.
     * moto enables any serial. A serial in ARN form must be one of the account's virtual devices;
     * a hardware serial (no ARN) is moto's to judge, as IAM checks those with the device's maker.
     */
    async EnableMFADevice(iam, { UserName, SerialNumber }) {
      if (!SerialNumber?.startsWith("arn:") || !(await requireUser(iam, UserName))) return undefined;
      const devices = await all((Marker) => iam.listVirtualMFADevices({ Marker }), (p) => p.VirtualMFADevices);
      if (devices.some((d) => d.SerialNumber === SerialNumber)) return undefined;
      return noSuchEntity(`VirtualMFADevice with serial number ${SerialNumber} doesn't exist.`);
    },

    /**
     * DeleteUserPermissionsBoundary:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html
     * (moto lacks it).
     */
    async DeleteUserPermissionsBoundary(iam, { UserName }) {
      if (!(await requireUser(iam, UserName))) return noSuchUser(UserName);
      boundaries.delete(UserName);
      return success("DeleteUserPermissionsBoundary");
    },

    /**
     * CreateServiceSpecificCredential:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceSpecificCredential.html
     * (moto lacks the service-specific credential actions). The password is returned only here.
     */
    async CreateServiceSpecificCredential(iam, { UserName, ServiceName }) {
      const user = await requireUser(iam, UserName);
      if (!user) return noSuchUser(UserName);
      const sameService = userCredentials(UserName).filter((c) => c.ServiceName === ServiceName);
      // "LimitExceeded: ... exceed the number of ... credentials per user per service" (two).
      if (sameService.length >= 2) {
        return refusal(409, "LimitExceeded", "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2");
      }
      const credential = {
        CreateDate: new Date(),
        ServiceName,
        ServiceUserName: `${UserName}-at-${user.Arn.split(":")[4]}`,
        ServicePassword: randomBytes(30).toString("base64"),
        ServiceSpecificCredentialId: iamId("ACCA"),
        UserName,
        Status: "Active",
      };
      serviceCredentials.set(UserName, [...userCredentials(UserName), credential]);
      return success("CreateServiceSpecificCredential", `<ServiceSpecificCredential>${credentialXml(credential, true)}</ServiceSpecificCredential>`);
    },

    /**
     * ListServiceSpecificCredentials:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListServiceSpecificCredentials.html
     * — paged by MaxItems/Marker; the layer answers at most 2 per page so that callers must page.
     */
    async ListServiceSpecificCredentials(iam, params) {
      if (!(await requireUser(iam, params.UserName))) return noSuchUser(params.UserName);
      const listed = userCredentials(params.UserName).filter((c) => !params.ServiceName || c.ServiceName === params.ServiceName);
      const one = page(listed, params, maxItems(params, 2));
      if (!one) return invalidMarker();
      return success(
        "ListServiceSpecificCredentials",
        `<ServiceSpecificCredentials>${members(one.items, (c) => credentialXml(c, false))}</ServiceSpecificCredentials>${one.tail}`,
      );
    },

    /**
     * DeleteServiceSpecificCredential:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteServiceSpecificCredential.html
     */
    async DeleteServiceSpecificCredential(iam, { UserName, ServiceSpecificCredentialId }) {
      const found = await findCredential(iam, UserName, ServiceSpecificCredentialId);
      if (found.refusal) return found.refusal;
      serviceCredentials.set(UserName, userCredentials(UserName).filter((c) => c !== found.credential));
      return success("DeleteServiceSpecificCredential");
    },

    /**
     * ResetServiceSpecificCredential:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ResetServiceSpecificCredential.html
     * — a new password, returned with the credential.
     */
    async ResetServiceSpecificCredential(iam, { UserName, ServiceSpecificCredentialId }) {
      const found = await findCredential(iam, UserName, ServiceSpecificCredentialId);
      if (found.refusal) return found.refusal;
      found.credential.ServicePassword = randomBytes(30).toString("base64");
      return success(
        "ResetServiceSpecificCredential",
        `<ServiceSpecificCredential>${credentialXml(found.credential, true)}</ServiceSpecificCredential>`,
      );
    },

    /**
     * UpdateServiceSpecificCredential:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateServiceSpecificCredential.html
     * — Status Active or Inactive.
     */
    async UpdateServiceSpecificCredential(iam, { UserName, ServiceSpecificCredentialId, Status }) {
      const found = await findCredential(iam, UserName, ServiceSpecificCredentialId);
      if (found.refusal) return found.refusal;
      found.credential.Status = Status;
      return success("UpdateServiceSpecificCredential");
    },
  };

  async function findCredential(iam, UserName, id) {
    if (!(await requireUser(iam, UserName))) return { refusal: noSuchUser(UserName) };
    const credential = userCredentials(UserName).find((c) => c.ServiceSpecificCredentialId === id);
    if (!credential) return { refusal: noSuchEntity(`No such credential ${id} exists for user ${UserName}.`) };
    return { credential };
  }

  /** The actions the layer answers itself: their signature is its to check. */
  const answeredHere = new Set([
    "ListEntitiesForPolicy",
    "SetDefaultPolicyVersion",
    "PutUserPermissionsBoundary",
    "DeleteUserPermissionsBoundary",
    "CreateServiceSpecificCredential",
    "ListServiceSpecificCredentials",
    "DeleteServiceSpecificCredential",
    "ResetServiceSpecificCredential",
    "UpdateServiceSpecificCredential",
    ...modern.answeredHere,
  ]);

  /** Rewrites of moto's answers, after it acted; undefined passes moto's answer on. */
  const rewrites = {
    ...modern.rewrites,
    CreateAccessKey(answer) {
      const id = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(answer.body)?.[1];
      const secret = /<SecretAccessKey>([^<]+)<\/SecretAccessKey>/.exec(answer.body)?.[1];
      if (answer.status === 200 && id && secret) learnedKeys.set(id, secret);
      return undefined;
    },
    /**
     * GetPolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicy.html — the
     * Policy element (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Policy.html):
     * AttachmentCount, "The number of entities (users, groups, and roles) that the policy is
     * attached to" (moto counts each attach, so attaching a policy twice counts two), and
     * PermissionsBoundaryUsageCount, "The number of entities (users and roles) for which the policy
     * is used to set the permissions boundary" (moto leaves it out).
     */
    async GetPolicy(answer, { PolicyArn }, iam) {
      if (answer.status !== 200) return undefined;
      const { attachments, boundaryUses } = await policyUses(iam, PolicyArn);
      const counts = elements({ AttachmentCount: attachments, PermissionsBoundaryUsageCount: boundaryUses });
      const body = answer.body.replace(/<AttachmentCount>[^<]*<\/AttachmentCount>/, "").replace("</Policy>", `${counts}</Policy>`);
      return { status: 200, body };
    },
    ListUsers: (answer, params) => pageMotoList(answer, params, "Users"),
    ListGroups: (answer, params) => pageMotoList(answer, params, "Groups"),
    /** GetUser: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html — shows the user's PermissionsBoundary. */
    GetUser(answer, { UserName }) {
      const arn = boundaries.get(UserName);
      if (answer.status !== 200 || !arn) return undefined;
      return { status: 200, body: answer.body.replace("</User>", `${boundaryElement(arn)}</User>`) };
    },
    /** CreateUser: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html — PermissionsBoundary (moto drops it). */
    CreateUser(answer, { UserName, PermissionsBoundary }) {
      if (answer.status !== 200 || !PermissionsBoundary) return undefined;
      boundaries.set(UserName, PermissionsBoundary);
      return { status: 200, body: answer.body.replace("</User>", `${boundaryElement(PermissionsBoundary)}</User>`) };
    },
    DeleteUser(answer, { UserName }) {
      if (answer.status === 200) boundaries.delete(UserName);
      return undefined;
    },
    /** UpdateUser renames: what the layer keeps for the user moves with it. */
    UpdateUser(answer, { UserName, NewUserName }) {
      if (answer.status !== 200 || !NewUserName) return undefined;
      for (const kept of [boundaries, serviceCredentials]) {
        if (kept.has(UserName)) kept.set(NewUserName, kept.get(UserName));
        kept.delete(UserName);
      }
      for (const c of userCredentials(NewUserName)) c.UserName = NewUserName;
      return undefined;
    },
  };

  /** An error moto gave the layer's own read is the answer IAM would give the caller. */
  const readFailure = (err) =>
    err?.$metadata?.httpStatusCode
      ? refusal(err.$metadata.httpStatusCode, err.Code ?? err.name, err.message)
      : { status: 500, body: iamError("InternalFailure", `strict IAM layer: ${err?.message}`, "Receiver") };

  return startLoopbackProxy({
    upstream,
    async decide(req) {
      if (req.path.startsWith("/moto-api/reset-auth")) authEnforced = req.body.trim() !== "inf";
      else if (req.path.startsWith("/moto-api/reset")) {
        boundaries.clear();
        serviceCredentials.clear();
        learnedKeys.clear();
        propagation.reset();
        modern.reset();
      }
      const delayed = propagation.control(req) ?? propagation.refusal(req);
      if (delayed) return delayed;
      const { Action } = req.params;
      const rule = req.method === "POST" && rules[Action];
      if (!rule) return undefined;
      if (answeredHere.has(Action)) {
        const refused = await signatureRefusal(req);
        if (refused) return refused;
      }
      try {
        return await rule(readerFor(req), req.params);
      } catch (err) {
        return readFailure(err);
      }
    },
    respond(req, answer) {
      const rewritten = rewrites[req.params.Action]?.(answer, req.params, readerFor(req));
      return propagation.answered(req, rewritten ?? answer) ?? rewritten;
    },
  });
}
