import type { IAM, PasswordPolicy } from "@aws-sdk/client-iam";
import { serviceErrorCode } from "../core/errors.js";
import { CREATED_HERE } from "../aws/propagation.js";
import { DELETE_RULES, findDependents } from "./delete-rules.js";
import type { GroupModel, InstanceProfileModel, PolicyModel, RoleModel, UserModel } from "./models.js";
import { collect } from "./paginate.js";

/**
 * The account as a dry run sees it: read from IAM on first use (read requests only), then changed
 * by each planned step, so that later steps are judged against what earlier ones would have done
 * (a user created in step 1 exists for AddUserToGroup in step 2). An entity that does not exist is
 * undefined.
 */

const emptyUser = (): UserModel => ({
  accessKeys: new Set(),
  certificates: new Set(),
  sshKeys: new Set(),
  serviceCredentials: new Set(),
  mfaDevices: new Set(),
  groups: new Set(),
  policies: new Set(),
  attachedPolicies: new Set(),
  loginProfile: false,
});
const emptyGroup = (): GroupModel => ({ users: new Set(), policies: new Set(), attachedPolicies: new Set() });
const emptyRole = (): RoleModel => ({ instanceProfiles: new Set(), policies: new Set(), attachedPolicies: new Set() });
const emptyInstanceProfile = (): InstanceProfileModel => ({ roles: new Set() });
const newPolicy = (): PolicyModel => ({ attachments: 0, boundaryUses: 0, versions: new Map([["v1", true]]) });

/**
 * A read whose NoSuchEntity answer means "not there"; an entity created here moments ago, which
 * IAM does not show yet (src/aws/propagation.ts), is there as `fresh` makes it.
 */
async function unlessMissing<T>(read: () => Promise<T>, fresh?: () => T): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (fresh && (err as { [CREATED_HERE]?: boolean })[CREATED_HERE]) return fresh();
    if (serviceErrorCode(err) === "NoSuchEntity") return undefined;
    throw err;
  }
}

export class AccountView {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly iam: IAM,
    private readonly debug: (message: string) => void,
  ) {}

  /**
   * Reads once per key; later calls (and changes) share the same value. A read may start before
   * it is known to be needed (checks run in order and stop at the first refusal), so a failed read
   * nobody awaits is not an unhandled rejection; whoever awaits it still gets the error.
   */
  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) {
      const value = read();
      value.catch(() => {});
      this.cache.set(key, value);
    }
    return this.cache.get(key) as Promise<T>;
  }

  /** Replaces what the view holds under `key`: a planned create or delete. */
  private set(key: string, value: unknown): void {
    this.cache.set(key, Promise.resolve(value));
  }

  user(name: string): Promise<UserModel | undefined> {
    return this.once(`user:${name}`, () =>
      unlessMissing(async () => {
        const a = await findDependents(DELETE_RULES.DeleteUser, this.iam, name, this.debug);
        return {
          accessKeys: new Set(a.accessKeys),
          certificates: new Set(a.certificates),
          sshKeys: new Set(a.sshKeys),
          serviceCredentials: new Set(a.serviceCredentials),
          mfaDevices: new Set(a.mfaDevices),
          groups: new Set(a.groups.map((g) => g.name)),
          policies: new Set(a.policies),
          attachedPolicies: new Set(a.attachedPolicies),
          loginProfile: a.loginProfile,
        };
      }, emptyUser),
    );
  }

  group(name: string): Promise<GroupModel | undefined> {
    return this.once(`group:${name}`, () =>
      unlessMissing(async () => {
        const a = await findDependents(DELETE_RULES.DeleteGroup, this.iam, name, this.debug);
        return { users: new Set(a.users.map((u) => u.name)), policies: new Set(a.policies), attachedPolicies: new Set(a.attachedPolicies) };
      }, emptyGroup),
    );
  }

  role(name: string): Promise<RoleModel | undefined> {
    return this.once(`role:${name}`, () =>
      unlessMissing(async () => {
        const a = await findDependents(DELETE_RULES.DeleteRole, this.iam, name, this.debug);
        return {
          instanceProfiles: new Set(a.instanceProfiles.map((p) => p.name)),
          policies: new Set(a.policies),
          attachedPolicies: new Set(a.attachedPolicies),
        };
      }, emptyRole),
    );
  }

  instanceProfile(name: string): Promise<InstanceProfileModel | undefined> {
    return this.once(`instance profile:${name}`, () =>
      unlessMissing(async () => {
        const a = await findDependents(DELETE_RULES.DeleteInstanceProfile, this.iam, name, this.debug);
        return { roles: new Set(a.roles.map((r) => r.name)) };
      }, emptyInstanceProfile),
    );
  }

  policy(arn: string): Promise<PolicyModel | undefined> {
    return this.once(`policy:${arn}`, () =>
      unlessMissing(async () => {
        const [{ Policy }, versions] = await Promise.all([
          this.iam.getPolicy({ PolicyArn: arn }),
          collect((Marker) => this.iam.listPolicyVersions({ PolicyArn: arn, Marker }), (p) => p.Versions),
        ]);
        return {
          attachments: Policy?.AttachmentCount ?? 0,
          boundaryUses: Policy?.PermissionsBoundaryUsageCount,
          versions: new Map(versions.map((v) => [v.VersionId!, Boolean(v.IsDefaultVersion)])),
        };
      }, newPolicy),
    );
  }

  /** The ARN of a user's or role's permissions boundary; undefined when it has none or does not exist. */
  boundary(kind: "user" | "role", name: string): Promise<string | undefined> {
    return this.once(`boundary:${kind}:${name}`, async () => {
      const entity = await unlessMissing(async () =>
        kind === "user" ? (await this.iam.getUser({ UserName: name })).User : (await this.iam.getRole({ RoleName: name })).Role,
      );
      return entity?.PermissionsBoundary?.PermissionsBoundaryArn;
    });
  }

  /** The names of the account's own managed policies: names are unique whatever the path. */
  localPolicyNames(): Promise<Set<string>> {
    return this.once("policy names", async () => {
      const policies = await collect(
        (Marker, MaxItems) => this.iam.listPolicies({ Scope: "Local", Marker, MaxItems }),
        (p) => p.Policies,
        1000,
      );
      return new Set(policies.map((p) => p.PolicyName!));
    });
  }

  /** Every virtual MFA device: serial number to the user it is assigned to (undefined: unassigned). */
  virtualMfaDevices(): Promise<Map<string, string | undefined>> {
    return this.once("virtual mfa devices", async () => {
      const devices = await collect(
        (Marker, MaxItems) => this.iam.listVirtualMFADevices({ Marker, MaxItems }),
        (p) => p.VirtualMFADevices,
        1000,
      );
      return new Map(devices.map((d) => [d.SerialNumber!, d.User?.UserName]));
    });
  }

  serverCertificate(name: string): Promise<boolean> {
    return this.once(`server certificate:${name}`, async () =>
      Boolean(await unlessMissing(() => this.iam.getServerCertificate({ ServerCertificateName: name }))),
    );
  }

  accountAliases(): Promise<Set<string>> {
    return this.once(
      "account aliases",
      async () => new Set(await collect((Marker) => this.iam.listAccountAliases({ Marker }), (page) => page.AccountAliases)),
    );
  }

  /** The account's password policy; undefined when it has none (IAM's defaults then apply, unexposed). */
  passwordPolicy(): Promise<PasswordPolicy | undefined> {
    return this.once("password policy", () => unlessMissing(async () => (await this.iam.getAccountPasswordPolicy({})).PasswordPolicy));
  }

  /** GetAccountSummary's SummaryMap: the account's usage and quotas. */
  summary(): Promise<Record<string, number>> {
    return this.once("summary", async () => ({ ...(await this.iam.getAccountSummary({})).SummaryMap }));
  }

  /**
   * The user IAM acts on when a request names none: the one whose credentials sign it. Undefined
   * when IAM does not say (a role's or the root user's credentials): nothing is then judged.
   */
  callerName(): Promise<string | undefined> {
    return this.once("caller", async () => {
      try {
        const { User } = await this.iam.getUser({});
        return User?.Arn?.includes(":user/") ? User.UserName : undefined;
      } catch (err) {
        if (serviceErrorCode(err) === undefined) throw err;
        this.debug(`GetUser without a name was refused (${serviceErrorCode(err)}); steps on the caller's own credentials are not judged`);
        return undefined;
      }
    });
  }

  /** The ARNs of the account's OpenID Connect and SAML identity providers. */
  identityProviders(): Promise<Set<string>> {
    return this.once("identity providers", async () => {
      const [oidc, saml] = await Promise.all([this.iam.listOpenIDConnectProviders({}), this.iam.listSAMLProviders({})]);
      return new Set([...(oidc.OpenIDConnectProviderList ?? []), ...(saml.SAMLProviderList ?? [])].map((p) => p.Arn!));
    });
  }

  // Planned changes: each records what the step would leave behind.

  created(kind: "user" | "group" | "role" | "instance profile", name: string): void {
    const empty = { user: emptyUser, group: emptyGroup, role: emptyRole, "instance profile": emptyInstanceProfile }[kind];
    this.set(`${kind}:${name}`, empty());
    if (kind === "user" || kind === "role") this.set(`boundary:${kind}:${name}`, undefined);
  }

  deleted(kind: "user" | "group" | "role" | "instance profile" | "policy", name: string): void {
    this.set(`${kind}:${name}`, undefined);
  }

  /**
   * A planned rename of a user or group: the entity, with all it holds, is known by its new name
   * only, and the entities that name it (a user's groups, a group's members, a user's virtual MFA
   * devices) name it so. They are read now if the view has not read them yet: IAM would still
   * answer with the old name. A rename IAM would refuse (no such entity, the new name taken)
   * changes nothing.
   */
  async renamed(kind: "user" | "group", from: string, to: string): Promise<void> {
    const entity = (name: string) => (kind === "user" ? this.user(name) : this.group(name));
    const [moved, taken] = from === to ? [] : await Promise.all([entity(from), entity(to)]);
    if (!moved || taken) return;
    this.set(`${kind}:${to}`, moved);
    this.set(`${kind}:${from}`, undefined);
    const rename = (names: Set<string>) => names.delete(from) && names.add(to);
    if ("users" in moved) {
      for (const user of await Promise.all([...moved.users].map((name) => this.user(name)))) if (user) rename(user.groups);
      return;
    }
    for (const group of await Promise.all([...moved.groups].map((name) => this.group(name)))) if (group) rename(group.users);
    this.set(`boundary:user:${to}`, await this.boundary("user", from));
    this.set(`boundary:user:${from}`, undefined);
    if (moved.mfaDevices.size === 0) return;
    const devices = await this.virtualMfaDevices();
    for (const [serial, user] of devices) if (user === from) devices.set(serial, to);
  }

  /**
   * A planned Put or Delete of a permissions boundary (or a create or delete of the entity it
   * bounds): the policies it leaves and joins count one use less and one more.
   */
  async boundaryNow(kind: "user" | "role", name: string, arn: string | undefined): Promise<void> {
    const before = await this.boundary(kind, name);
    if (before === arn) return;
    const [left, joined] = await Promise.all([before && this.policy(before), arn && this.policy(arn)]);
    if (left && left.boundaryUses !== undefined) left.boundaryUses--;
    if (joined && joined.boundaryUses !== undefined) joined.boundaryUses++;
    this.set(`boundary:${kind}:${name}`, arn);
  }

  createdPolicy(arn: string, name: string): Promise<void> {
    this.set(`policy:${arn}`, newPolicy());
    return this.localPolicyNames().then((names) => void names.add(name));
  }

  /** A planned UpdateAccountPasswordPolicy (the policy its input sets) or DeleteAccountPasswordPolicy (none). */
  passwordPolicyNow(policy: PasswordPolicy | undefined): void {
    this.set("password policy", policy);
  }

  serverCertificateNow(name: string, exists: boolean): void {
    this.set(`server certificate:${name}`, exists);
  }
}
