import { describe, expect, it } from "vitest";
import { policyAllowing, selfSignedPem, sshPublicKey } from "./harness/fixtures.js";
import { useMoto } from "./harness/moto.js";
import { iamErrorDocument, rawIam } from "./harness/raw-iam.js";

/**
 * The strict IAM layer (test/support/strict-iam.mjs): each rule meets a raw request on the wire
 * and answers as IAM does (status, Code, Message, XML); then the same request succeeds once the
 * dependent is gone, so the refusal is tied to the rule and not to anything else.
 */
const moto = useMoto();
const ACCOUNT = "123456789012";
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

async function expectRefused(params: Record<string, string>, status: number, code: string, message: string) {
  const answer = await rawIam(moto, params);
  expect(answer.status, `${params.Action} status`).toBe(status);
  expect(answer.contentType).toMatch(/^text\/xml/);
  expect(answer.body).toMatch(iamErrorDocument(code, message));
}

async function expectAccepted(params: Record<string, string>) {
  const answer = await rawIam(moto, params);
  expect(answer.status, answer.body).toBe(200);
  expect(answer.body).toContain(`<${params.Action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">`);
  return answer.body;
}

const createPolicy = async (PolicyName = "managed") =>
  (await moto.iam.createPolicy({ PolicyName, PolicyDocument: policyAllowing("s3:*") })).Policy!.Arn!;

describe("DeleteUser: refused while the user has a dependent, whatever its kind", () => {
  const deleteUser = { Action: "DeleteUser", UserName: "bob" };
  const conflict = (message: string) => expectRefused(deleteUser, 409, "DeleteConflict", message);

  const cases: [string, string, () => Promise<() => Promise<unknown>>][] = [
    ["an access key", "must delete access keys first", async () => {
      const id = (await moto.iam.createAccessKey({ UserName: "bob" })).AccessKey!.AccessKeyId!;
      return () => moto.iam.deleteAccessKey({ UserName: "bob", AccessKeyId: id });
    }],
    ["a signing certificate", "must delete certificates first", async () => {
      const id = (await moto.iam.uploadSigningCertificate({ UserName: "bob", CertificateBody: selfSignedPem("bob") })).Certificate!.CertificateId!;
      return () => moto.iam.deleteSigningCertificate({ UserName: "bob", CertificateId: id });
    }],
    ["a login profile", "must delete login profile first", async () => {
      await moto.iam.createLoginProfile({ UserName: "bob", Password: "Initial-Passw0rd" });
      return () => moto.iam.deleteLoginProfile({ UserName: "bob" });
    }],
    ["an MFA device", "must delete MFA device first", async () => {
      const SerialNumber = (await moto.iam.createVirtualMFADevice({ VirtualMFADeviceName: "bob-mfa" })).VirtualMFADevice!.SerialNumber!;
      await moto.iam.enableMFADevice({ UserName: "bob", SerialNumber, AuthenticationCode1: "123456", AuthenticationCode2: "654321" });
      return () => moto.iam.deactivateMFADevice({ UserName: "bob", SerialNumber });
    }],
    ["an SSH public key", "must remove referenced objects first", async () => {
      const id = (await moto.iam.uploadSSHPublicKey({ UserName: "bob", SSHPublicKeyBody: sshPublicKey() })).SSHPublicKey!.SSHPublicKeyId!;
      return () => moto.iam.deleteSSHPublicKey({ UserName: "bob", SSHPublicKeyId: id });
    }],
    ["a service-specific credential", "must remove referenced objects first", async () => {
      const id = (await moto.iam.createServiceSpecificCredential({ UserName: "bob", ServiceName: "codecommit.amazonaws.com" }))
        .ServiceSpecificCredential!.ServiceSpecificCredentialId!;
      return () => moto.iam.deleteServiceSpecificCredential({ UserName: "bob", ServiceSpecificCredentialId: id });
    }],
    ["a group membership", "must remove users from group first", async () => {
      await moto.iam.createGroup({ GroupName: "ops" });
      await moto.iam.addUserToGroup({ GroupName: "ops", UserName: "bob" });
      return () => moto.iam.removeUserFromGroup({ GroupName: "ops", UserName: "bob" });
    }],
    ["an inline policy", "must delete policies first", async () => {
      await moto.iam.putUserPolicy({ UserName: "bob", PolicyName: "p", PolicyDocument: policyAllowing("s3:*") });
      return () => moto.iam.deleteUserPolicy({ UserName: "bob", PolicyName: "p" });
    }],
    ["an attached policy", "must detach all policies first", async () => {
      const PolicyArn = await createPolicy();
      await moto.iam.attachUserPolicy({ UserName: "bob", PolicyArn });
      return () => moto.iam.detachUserPolicy({ UserName: "bob", PolicyArn });
    }],
  ];
  for (const [what, message, add] of cases) {
    it(`${what}: 409 DeleteConflict, then deleted once it is gone`, async () => {
      await moto.iam.createUser({ UserName: "bob" });
      const remove = await add();
      await conflict(`Cannot delete entity, ${message}.`);
      await remove();
      await expectAccepted(deleteUser);
      expect((await moto.iam.listUsers({})).Users).toEqual([]);
    });
  }

  it("a permissions boundary does not block it", async () => {
    const PermissionsBoundary = await createPolicy("boundary");
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.putUserPermissionsBoundary({ UserName: "bob", PermissionsBoundary });
    await expectAccepted(deleteUser);
  });

  it("a user that does not exist is moto's NoSuchEntity, as IAM's", async () => {
    const answer = await rawIam(moto, deleteUser);
    expect(answer.status).toBe(404);
    expect(answer.body).toContain("<Code>NoSuchEntity</Code>");
  });
});

describe("DeleteGroup: refused while the group has members or policies", () => {
  const deleteGroup = { Action: "DeleteGroup", GroupName: "ops" };
  it("members, then inline policies, then attached policies, each 409 until removed", async () => {
    const PolicyArn = await createPolicy();
    await moto.iam.createGroup({ GroupName: "ops" });
    await moto.iam.createUser({ UserName: "ann" });
    await moto.iam.addUserToGroup({ GroupName: "ops", UserName: "ann" });
    await moto.iam.putGroupPolicy({ GroupName: "ops", PolicyName: "read", PolicyDocument: policyAllowing("s3:Get*") });
    await moto.iam.attachGroupPolicy({ GroupName: "ops", PolicyArn });
    await expectRefused(deleteGroup, 409, "DeleteConflict", "Cannot delete entity, must remove users from group first.");
    await moto.iam.removeUserFromGroup({ GroupName: "ops", UserName: "ann" });
    await expectRefused(deleteGroup, 409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
    await moto.iam.deleteGroupPolicy({ GroupName: "ops", PolicyName: "read" });
    await expectRefused(deleteGroup, 409, "DeleteConflict", "Cannot delete entity, must detach all policies first.");
    await moto.iam.detachGroupPolicy({ GroupName: "ops", PolicyArn });
    await expectAccepted(deleteGroup);
  });
});

describe("DeleteRole and DeleteInstanceProfile", () => {
  it("DeleteRole: 409 while in an instance profile, with attached or inline policies", async () => {
    const PolicyArn = await createPolicy();
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    await moto.iam.createInstanceProfile({ InstanceProfileName: "web-profile" });
    await moto.iam.addRoleToInstanceProfile({ InstanceProfileName: "web-profile", RoleName: "web" });
    await moto.iam.attachRolePolicy({ RoleName: "web", PolicyArn });
    await moto.iam.putRolePolicy({ RoleName: "web", PolicyName: "inline", PolicyDocument: policyAllowing("s3:*") });
    const deleteRole = { Action: "DeleteRole", RoleName: "web" };
    await expectRefused(deleteRole, 409, "DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.");
    // DeleteInstanceProfile: refused while it holds the role.
    const deleteProfile = { Action: "DeleteInstanceProfile", InstanceProfileName: "web-profile" };
    await expectRefused(deleteProfile, 409, "DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.");
    await moto.iam.removeRoleFromInstanceProfile({ InstanceProfileName: "web-profile", RoleName: "web" });
    await expectAccepted(deleteProfile);
    await expectRefused(deleteRole, 409, "DeleteConflict", "Cannot delete entity, must detach all policies first.");
    await moto.iam.detachRolePolicy({ RoleName: "web", PolicyArn });
    await expectRefused(deleteRole, 409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
    await moto.iam.deleteRolePolicy({ RoleName: "web", PolicyName: "inline" });
    await expectAccepted(deleteRole);
  });
});

describe("DeletePolicy: refused while attached, used as a boundary, or holding other versions", () => {
  const attached = "Cannot delete a policy attached to entities.";
  const cases: [string, (arn: string) => Promise<() => Promise<unknown>>][] = [
    ["attached to a user", async (PolicyArn) => {
      await moto.iam.attachUserPolicy({ UserName: "bob", PolicyArn });
      return () => moto.iam.detachUserPolicy({ UserName: "bob", PolicyArn });
    }],
    ["attached to a group", async (PolicyArn) => {
      await moto.iam.createGroup({ GroupName: "ops" });
      await moto.iam.attachGroupPolicy({ GroupName: "ops", PolicyArn });
      return () => moto.iam.detachGroupPolicy({ GroupName: "ops", PolicyArn });
    }],
    ["attached to a role", async (PolicyArn) => {
      await moto.iam.attachRolePolicy({ RoleName: "web", PolicyArn });
      return () => moto.iam.detachRolePolicy({ RoleName: "web", PolicyArn });
    }],
    ["a user's permissions boundary", async (PermissionsBoundary) => {
      await moto.iam.putUserPermissionsBoundary({ UserName: "bob", PermissionsBoundary });
      return () => moto.iam.deleteUserPermissionsBoundary({ UserName: "bob" });
    }],
    ["a role's permissions boundary", async (PermissionsBoundary) => {
      await moto.iam.putRolePermissionsBoundary({ RoleName: "web", PermissionsBoundary });
      return () => moto.iam.deleteRolePermissionsBoundary({ RoleName: "web" });
    }],
  ];
  for (const [what, use] of cases) {
    it(`${what}: 409 DeleteConflict, then deleted`, async () => {
      const PolicyArn = await createPolicy();
      await moto.iam.createUser({ UserName: "bob" });
      await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
      const undo = await use(PolicyArn);
      await expectRefused({ Action: "DeletePolicy", PolicyArn }, 409, "DeleteConflict", attached);
      await undo();
      await expectAccepted({ Action: "DeletePolicy", PolicyArn });
    });
  }

  it("a non-default version: 409 DeleteConflict, then deleted", async () => {
    const PolicyArn = await createPolicy();
    await moto.iam.createPolicyVersion({ PolicyArn, PolicyDocument: policyAllowing("ec2:*") });
    await expectRefused(
      { Action: "DeletePolicy", PolicyArn },
      409,
      "DeleteConflict",
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
    await moto.iam.deletePolicyVersion({ PolicyArn, VersionId: "v2" });
    await expectAccepted({ Action: "DeletePolicy", PolicyArn });
  });
});

describe("DeleteVirtualMFADevice", () => {
  it("is refused while the device is assigned, and deletes it once deactivated", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    const SerialNumber = (await moto.iam.createVirtualMFADevice({ VirtualMFADeviceName: "bob-mfa" })).VirtualMFADevice!.SerialNumber!;
    await moto.iam.enableMFADevice({ UserName: "bob", SerialNumber, AuthenticationCode1: "123456", AuthenticationCode2: "654321" });
    await expectRefused({ Action: "DeleteVirtualMFADevice", SerialNumber }, 409, "DeleteConflict", "MFA Device is already in use.");
    await moto.iam.deactivateMFADevice({ UserName: "bob", SerialNumber });
    await expectAccepted({ Action: "DeleteVirtualMFADevice", SerialNumber });
  });
});

describe("ListUsers and ListGroups page by MaxItems and Marker", () => {
  const names = (body: string, element: string) => [...body.matchAll(new RegExp(`<${element}>([^<]+)</${element}>`, "g"))].map((m) => m[1]);
  const marker = (body: string) => /<Marker>([^<]+)<\/Marker>/.exec(body)?.[1];

  for (const [action, element, create] of [
    ["ListUsers", "UserName", (name: string) => moto.iam.createUser({ UserName: name })],
    ["ListGroups", "GroupName", (name: string) => moto.iam.createGroup({ GroupName: name })],
  ] as const) {
    it(`${action}: five in pages of two, each page truncated but the last`, async () => {
      const all = ["a1", "a2", "a3", "a4", "a5"];
      for (const name of all) await create(name);
      const pages: string[][] = [];
      let next: string | undefined;
      do {
        const body = await expectAccepted({ Action: action, MaxItems: "2", ...(next ? { Marker: next } : {}) });
        pages.push(names(body, element));
        next = marker(body);
        expect(body).toContain(`<IsTruncated>${next ? "true" : "false"}</IsTruncated>`);
      } while (next);
      expect(pages).toEqual([["a1", "a2"], ["a3", "a4"], ["a5"]]);
      // Without MaxItems IAM answers up to 100 at once.
      expect(names(await expectAccepted({ Action: action }), element)).toEqual(all);
      await expectRefused({ Action: action, Marker: "bm90LWEtbWFya2Vy" }, 400, "ValidationError", "Invalid Marker.");
    });
  }
});

describe("user permissions boundaries (moto lacks them)", () => {
  it("Put shows in GetUser and in ListEntitiesForPolicy by usage filter; Delete removes it", async () => {
    const boundary = await createPolicy("boundary");
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.createUser({ UserName: "eve" });
    await moto.iam.attachUserPolicy({ UserName: "eve", PolicyArn: boundary });
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: boundary });
    await expectAccepted({ Action: "PutUserPermissionsBoundary", UserName: "bob", PermissionsBoundary: boundary });
    expect((await moto.iam.getUser({ UserName: "bob" })).User?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: "PermissionsBoundaryPolicy",
      PermissionsBoundaryArn: boundary,
    });
    const entities = async (PolicyUsageFilter?: "PermissionsPolicy" | "PermissionsBoundary") => {
      const res = await moto.iam.listEntitiesForPolicy({ PolicyArn: boundary, PolicyUsageFilter });
      return { users: res.PolicyUsers?.map((u) => u.UserName), roles: res.PolicyRoles?.map((r) => r.RoleName) };
    };
    expect(await entities("PermissionsPolicy")).toEqual({ users: ["eve"], roles: [] });
    expect(await entities("PermissionsBoundary")).toEqual({ users: ["bob"], roles: ["web"] });
    expect(await entities()).toEqual({ users: ["eve", "bob"], roles: ["web"] });

    await expectAccepted({ Action: "DeleteUserPermissionsBoundary", UserName: "bob" });
    expect((await moto.iam.getUser({ UserName: "bob" })).User?.PermissionsBoundary).toBeUndefined();
    expect(await entities("PermissionsBoundary")).toEqual({ users: [], roles: ["web"] });
  });

  it("CreateUser with a boundary keeps it; Put on a missing user or policy is NoSuchEntity", async () => {
    const boundary = await createPolicy("boundary");
    await moto.iam.createUser({ UserName: "bob", PermissionsBoundary: boundary });
    expect((await moto.iam.getUser({ UserName: "bob" })).User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundary);
    await expectRefused(
      { Action: "PutUserPermissionsBoundary", UserName: "ghost", PermissionsBoundary: boundary },
      404,
      "NoSuchEntity",
      "The user with name ghost cannot be found.",
    );
    const missing = `arn:aws:iam::${ACCOUNT}:policy/missing`;
    await expectRefused(
      { Action: "PutUserPermissionsBoundary", UserName: "bob", PermissionsBoundary: missing },
      404,
      "NoSuchEntity",
      `Policy ${missing} does not exist or is not attachable.`,
    );
  });
});

describe("service-specific credentials (moto lacks them)", () => {
  it("Create, List in pages of at most two, Reset, Update and Delete", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    const created: string[] = [];
    for (const ServiceName of ["codecommit.amazonaws.com", "codecommit.amazonaws.com", "cassandra.amazonaws.com"]) {
      const { ServiceSpecificCredential: c } = await moto.iam.createServiceSpecificCredential({ UserName: "bob", ServiceName });
      expect(c).toMatchObject({ UserName: "bob", ServiceName, Status: "Active", ServiceUserName: `bob-at-${ACCOUNT}` });
      expect(c?.ServicePassword).toMatch(/^\S{20,}$/);
      created.push(c!.ServiceSpecificCredentialId!);
    }
    await expectRefused(
      { Action: "CreateServiceSpecificCredential", UserName: "bob", ServiceName: "codecommit.amazonaws.com" },
      409,
      "LimitExceeded",
      "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2",
    );

    const first = await moto.iam.listServiceSpecificCredentials({ UserName: "bob", MaxItems: 100 });
    expect(first.ServiceSpecificCredentials).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const second = await moto.iam.listServiceSpecificCredentials({ UserName: "bob", Marker: first.Marker });
    expect(second.IsTruncated).toBe(false);
    const listed = [...first.ServiceSpecificCredentials!, ...second.ServiceSpecificCredentials!];
    expect(listed.map((c) => c.ServiceSpecificCredentialId)).toEqual(created);
    expect(listed.every((c) => !("ServicePassword" in c))).toBe(true);

    const reset = await moto.iam.resetServiceSpecificCredential({ UserName: "bob", ServiceSpecificCredentialId: created[0] });
    expect(reset.ServiceSpecificCredential?.ServicePassword).toMatch(/^\S{20,}$/);
    await moto.iam.updateServiceSpecificCredential({ UserName: "bob", ServiceSpecificCredentialId: created[1], Status: "Inactive" });
    const byService = await moto.iam.listServiceSpecificCredentials({ UserName: "bob", ServiceName: "codecommit.amazonaws.com" });
    expect(byService.ServiceSpecificCredentials?.map((c) => c.Status)).toEqual(["Active", "Inactive"]);

    await expectAccepted({ Action: "DeleteServiceSpecificCredential", UserName: "bob", ServiceSpecificCredentialId: created[2] });
    await expectRefused(
      { Action: "DeleteServiceSpecificCredential", UserName: "bob", ServiceSpecificCredentialId: created[2] },
      404,
      "NoSuchEntity",
      `No such credential ${created[2]} exists for user bob.`,
    );
  });

  it("the layer checks the signature of what it answers itself", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    const answer = await rawIam(moto, { Action: "ListServiceSpecificCredentials", UserName: "bob" }, "not-the-secret");
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("<Code>SignatureDoesNotMatch</Code>");
  });
});

describe("permissions boundaries name a policy that exists (moto takes any ARN)", () => {
  const missing = `arn:aws:iam::${ACCOUNT}:policy/missing`;
  const refusedThenAccepted = async (params: Record<string, string>) => {
    await expectRefused({ ...params, PermissionsBoundary: missing }, 404, "NoSuchEntity", `Policy ${missing} does not exist or is not attachable.`);
    await expectAccepted({ ...params, PermissionsBoundary: await createPolicy("boundary") });
  };

  it("CreateUser: NoSuchEntity, and no user; then created with a policy that exists", async () => {
    await refusedThenAccepted({ Action: "CreateUser", UserName: "bob" });
    expect((await moto.iam.getUser({ UserName: "bob" })).User?.PermissionsBoundary?.PermissionsBoundaryArn).toMatch(/policy\/boundary$/);
  });

  it("CreateRole: NoSuchEntity, and no role; then created with a policy that exists", async () => {
    await expectRefused(
      { Action: "CreateRole", RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: missing },
      404,
      "NoSuchEntity",
      `Policy ${missing} does not exist or is not attachable.`,
    );
    expect((await moto.iam.listRoles({})).Roles).toEqual([]);
    await refusedThenAccepted({ Action: "CreateRole", RoleName: "web", AssumeRolePolicyDocument: TRUST });
  });

  it("PutRolePermissionsBoundary: NoSuchEntity, the role left without one; then set", async () => {
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    await expectRefused({ Action: "PutRolePermissionsBoundary", RoleName: "web", PermissionsBoundary: missing }, 404, "NoSuchEntity", `Policy ${missing} does not exist or is not attachable.`);
    expect((await moto.iam.getRole({ RoleName: "web" })).Role?.PermissionsBoundary).toBeUndefined();
    await refusedThenAccepted({ Action: "PutRolePermissionsBoundary", RoleName: "web" });
  });
});

describe("GetPolicy reports PermissionsBoundaryUsageCount (moto leaves it out)", () => {
  it("counts the users and roles it bounds, not its attachments, as they come and go", async () => {
    const PolicyArn = await createPolicy("boundary");
    const count = async () => (await moto.iam.getPolicy({ PolicyArn })).Policy?.PermissionsBoundaryUsageCount;
    expect(await count()).toBe(0);
    await moto.iam.createUser({ UserName: "bob", PermissionsBoundary: PolicyArn });
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    await moto.iam.putRolePermissionsBoundary({ RoleName: "web", PermissionsBoundary: PolicyArn });
    await moto.iam.attachUserPolicy({ UserName: "bob", PolicyArn });
    expect(await count()).toBe(2);
    expect((await moto.iam.getPolicy({ PolicyArn })).Policy?.AttachmentCount).toBe(1);
    await moto.iam.deleteRolePermissionsBoundary({ RoleName: "web" });
    expect(await count()).toBe(1);
    await moto.iam.deleteUserPermissionsBoundary({ UserName: "bob" });
    expect(await count()).toBe(0);
  });
});

describe("UpdateUser to the name of another user (moto renames over it)", () => {
  it("409 EntityAlreadyExists, both users kept; to a free name, renamed", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.createUser({ UserName: "eve" });
    await expectRefused({ Action: "UpdateUser", UserName: "bob", NewUserName: "eve" }, 409, "EntityAlreadyExists", "User with name eve already exists.");
    expect((await moto.iam.listUsers({})).Users?.map((u) => u.UserName)).toEqual(["bob", "eve"]);
    await expectAccepted({ Action: "UpdateUser", UserName: "bob", NewUserName: "ann" });
    expect((await moto.iam.listUsers({})).Users?.map((u) => u.UserName).sort()).toEqual(["ann", "eve"]);
  });
});

describe("RemoveRoleFromInstanceProfile of a role the profile does not hold (moto: HTTP 500)", () => {
  it("404 NoSuchEntity; once added, removed", async () => {
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    await moto.iam.createInstanceProfile({ InstanceProfileName: "web-profile" });
    const remove = { Action: "RemoveRoleFromInstanceProfile", InstanceProfileName: "web-profile", RoleName: "web" };
    await expectRefused(remove, 404, "NoSuchEntity", "Role web is not in instance profile web-profile.");
    await moto.iam.addRoleToInstanceProfile({ InstanceProfileName: "web-profile", RoleName: "web" });
    await expectAccepted(remove);
    expect((await moto.iam.getInstanceProfile({ InstanceProfileName: "web-profile" })).InstanceProfile?.Roles).toEqual([]);
  });
});

describe("DeleteAccountAlias of an alias the account does not have (moto deletes whichever it has)", () => {
  it("404 NoSuchEntity, the account's alias kept; by its own name, deleted", async () => {
    await moto.iam.createAccountAlias({ AccountAlias: "mine" });
    await expectRefused({ Action: "DeleteAccountAlias", AccountAlias: "other" }, 404, "NoSuchEntity", "The account alias other cannot be found.");
    expect((await moto.iam.listAccountAliases({})).AccountAliases).toEqual(["mine"]);
    await expectAccepted({ Action: "DeleteAccountAlias", AccountAlias: "mine" });
    expect((await moto.iam.listAccountAliases({})).AccountAliases).toEqual([]);
  });
});

describe("login profile passwords meet the account's password policy (moto never checks)", () => {
  const policy = { MinimumPasswordLength: 12, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true };
  const breaking: [string, string][] = [
    ["Short-Pw1", "have at least 12 characters"],
    ["NoSymbolsHere123", "have at least one symbol"],
    ["No-Digits-Here!", "have at least one number"],
    ["no-upper-case-1", "have at least one uppercase letter"],
    ["NO-LOWER-CASE-1", "have at least one lowercase letter"],
  ];
  for (const [action, setUp] of [
    ["CreateLoginProfile", async () => {}],
    ["UpdateLoginProfile", () => moto.iam.createLoginProfile({ UserName: "bob", Password: "Initial-Passw0rd" })],
  ] as const) {
    it(`${action}: 400 PasswordPolicyViolation for each requirement broken; accepted once all are met`, async () => {
      await moto.iam.createUser({ UserName: "bob" });
      await setUp();
      // Without a policy the layer applies none (IAM's default rules are not modelled).
      await moto.iam.updateAccountPasswordPolicy(policy);
      for (const [Password, rule] of breaking) {
        await expectRefused({ Action: action, UserName: "bob", Password }, 400, "PasswordPolicyViolation", `Password should ${rule}.`);
      }
      await expectAccepted({ Action: action, UserName: "bob", Password: "Long-Enough-Pw1" });
    });
  }
});

describe("SetDefaultPolicyVersion of the version that is already the default (moto clears its flag)", () => {
  it("accepted, and it stays the default; another version becomes the default", async () => {
    const PolicyArn = await createPolicy();
    await moto.iam.createPolicyVersion({ PolicyArn, PolicyDocument: policyAllowing("ec2:*") });
    const defaults = async () => (await moto.iam.listPolicyVersions({ PolicyArn })).Versions?.filter((v) => v.IsDefaultVersion).map((v) => v.VersionId);
    await expectAccepted({ Action: "SetDefaultPolicyVersion", PolicyArn, VersionId: "v1" });
    expect(await defaults()).toEqual(["v1"]);
    await expectAccepted({ Action: "SetDefaultPolicyVersion", PolicyArn, VersionId: "v2" });
    expect(await defaults()).toEqual(["v2"]);
  });
});

describe("EnableMFADevice of a virtual device that does not exist (moto enables any serial)", () => {
  it("404 NoSuchEntity for an ARN that is no device of the account; the device once created is enabled", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    const SerialNumber = `arn:aws:iam::${ACCOUNT}:mfa/bob-mfa`;
    const enable = { Action: "EnableMFADevice", UserName: "bob", SerialNumber, AuthenticationCode1: "123456", AuthenticationCode2: "654321" };
    await expectRefused(enable, 404, "NoSuchEntity", `VirtualMFADevice with serial number ${SerialNumber} doesn't exist.`);
    expect((await moto.iam.listMFADevices({ UserName: "bob" })).MFADevices).toEqual([]);
    await moto.iam.createVirtualMFADevice({ VirtualMFADeviceName: "bob-mfa" });
    await expectAccepted(enable);
    expect((await moto.iam.listMFADevices({ UserName: "bob" })).MFADevices?.map((d) => d.SerialNumber)).toEqual([SerialNumber]);
  });
});

describe("GetPolicy's AttachmentCount counts entities, not attach requests (moto counts each)", () => {
  it("a policy attached twice to one user counts one, and none once detached", async () => {
    const PolicyArn = await createPolicy();
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.attachUserPolicy({ UserName: "bob", PolicyArn });
    await moto.iam.attachUserPolicy({ UserName: "bob", PolicyArn });
    const count = async () => (await moto.iam.getPolicy({ PolicyArn })).Policy?.AttachmentCount;
    expect(await count()).toBe(1);
    await moto.iam.detachUserPolicy({ UserName: "bob", PolicyArn });
    expect(await count()).toBe(0);
  });
});

describe("UpdateGroup of a group that does not exist, to a name that does (moto: EntityAlreadyExists)", () => {
  it("404 NoSuchEntity for the group named; a group that exists meets the new name's EntityAlreadyExists", async () => {
    await moto.iam.createGroup({ GroupName: "dev" });
    await expectRefused({ Action: "UpdateGroup", GroupName: "ops", NewGroupName: "dev" }, 404, "NoSuchEntity", "The group with name ops cannot be found.");
    await moto.iam.createGroup({ GroupName: "ops" });
    const answer = await rawIam(moto, { Action: "UpdateGroup", GroupName: "ops", NewGroupName: "dev" });
    expect(answer.status).toBe(409);
    expect(answer.body).toContain("<Code>EntityAlreadyExists</Code>");
  });
});
