import { describe, expect, it } from "vitest";
import { asAdminDenied, useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { seedLoadedUser } from "../harness/fixtures.js";
import { useWire } from "../harness/wire.js";
import { iamError } from "../support/loopback-proxy.mjs";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const groupArn = (name: string) => `arn:aws:iam::123456789012:group/${name}`;
const userArn = (name: string) => `arn:aws:iam::123456789012:user/${name}`;

/** Three service-specific credentials: more than the strict layer's page of two. */
async function seedServiceCredentials(UserName: string): Promise<string[]> {
  const ids: string[] = [];
  for (const ServiceName of ["codecommit.amazonaws.com", "codecommit.amazonaws.com", "cassandra.amazonaws.com"]) {
    const { ServiceSpecificCredential } = await moto.iam.createServiceSpecificCredential({ UserName, ServiceName });
    ids.push(ServiceSpecificCredential!.ServiceSpecificCredentialId!);
  }
  return ids;
}

/** The `-d` request lines of a run, without their timings: what went over the wire, in order. */
const requests = (stderr: string) =>
  stderr
    .split("\n")
    .filter((l) => / HTTP \d+ \d+ ms$/.test(l))
    .map((l) => l.replace(/^iam-\w+: debug: /, "").replace(/ \d+ ms$/, ""));

/** An endpoint in front of the strict layer that lacks some actions, as IAM-compatible clouds do. */
const notImplemented = useWire(moto);

describe("iam-userdel", () => {
  it("without -r deletes a bare user", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    expect(await cli("iam-userdel", "-u", "bob")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });

  it("without -r is refused by IAM while the user has a policy (exit 1)", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.putUserPolicy({ UserName: "bob", PolicyName: "p", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' });
    const res = await cli("iam-userdel", "-u", "bob");
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      "iam-userdel: error (DeleteConflict): Cannot delete entity, must delete policies first.\n" +
        "iam-userdel: user bob still has 1 inline policy (delete them first, or use -r)\n",
    );
  });

  it("-r -p lists every dependent in sections and changes nothing", async () => {
    const seeded = await seedLoadedUser(moto.iam, "david");
    const credentials = await seedServiceCredentials("david");
    const res = await cli("iam-userdel", "-u", "david", "-r", "-p");
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const tab = (items: string[]) => items.map((i) => `\t${i}`);
    expect(res.stdout.split("\n")).toEqual([
      "accesskeys",
      ...tab(seeded.keys),
      "policies",
      ...tab(seeded.policies),
      "certificates",
      ...tab(seeded.certs),
      "groups",
      ...tab(seeded.groups.map(groupArn)),
      "attachedpolicies",
      ...tab(seeded.attached),
      "sshkeys",
      ...tab([seeded.sshKey]),
      "servicecredentials",
      ...tab(credentials),
      "loginprofile",
      "\tdavid",
      "mfadevices",
      ...tab([seeded.serial]),
      "",
    ]);
    expect((await moto.iam.listAccessKeys({ UserName: "david" })).AccessKeyMetadata).toHaveLength(2);
    expect((await moto.iam.getUser({ UserName: "david" })).User?.UserName).toBe("david");
  });

  it("-r -p on a bare user prints the four legacy sections, empty", async () => {
    await moto.iam.createUser({ UserName: "jack" });
    expect((await cli("iam-userdel", "-u", "jack", "-r", "-p")).stdout).toBe("accesskeys\npolicies\ncertificates\ngroups\n");
  });

  it("-r removes every dependent, then the user", async () => {
    const seeded = await seedLoadedUser(moto.iam, "david");
    await seedServiceCredentials("david");
    const res = await runCli("iam-userdel", ["-u", "david", "-r", "-d"], { env: moto.env });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe("");
    // The strict layer refuses DeleteUser while any dependent is left; each removal is also
    // counted on the wire, and checked on the server where moto keeps the state.
    const sent = requests(res.stderr);
    const count = (action: string) => sent.filter((l) => l === `${action} HTTP 200`).length;
    expect(count("DeleteAccessKey")).toBe(2);
    expect(count("DeleteSigningCertificate")).toBe(2);
    expect(count("DeleteUserPolicy")).toBe(3);
    expect(count("DetachUserPolicy")).toBe(3);
    expect(count("RemoveUserFromGroup")).toBe(3);
    expect(count("DeleteLoginProfile")).toBe(1);
    expect(count("DeactivateMFADevice")).toBe(1);
    expect(count("DeleteVirtualMFADevice")).toBe(1);
    expect(count("DeleteSSHPublicKey")).toBe(1);
    // Three credentials in pages of two: the listing followed the marker.
    expect(count("ListServiceSpecificCredentials")).toBe(2);
    expect(count("DeleteServiceSpecificCredential")).toBe(3);
    // The last wave: the user, and the virtual device its deactivation freed.
    expect(sent.slice(-2).sort()).toEqual(["DeleteUser HTTP 200", "DeleteVirtualMFADevice HTTP 200"]);
    expect(res.stderr).not.toMatch(/Passw0rd|Signature=|Authorization/);

    expect((await moto.iam.listUsers({})).Users).toEqual([]);
    for (const GroupName of seeded.groups) expect((await moto.iam.getGroup({ GroupName })).Users).toEqual([]);
    for (const PolicyArn of seeded.attached) expect((await moto.iam.getPolicy({ PolicyArn })).Policy?.AttachmentCount).toBe(0);
    expect((await moto.iam.listVirtualMFADevices({})).VirtualMFADevices).toEqual([]);
  });

  it("-r treats listings the endpoint does not implement as empty, and says which under -d", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.createAccessKey({ UserName: "bob" });
    // Three ways an endpoint says it lacks an action: HTTP 501, an error code, an emulator's HTML page.
    notImplemented.stub("ListSSHPublicKeys", { status: 501, body: iamError("NotImplemented", "ListSSHPublicKeys is not supported") });
    notImplemented.stub("ListServiceSpecificCredentials", { status: 400, body: iamError("InvalidAction", "Could not find operation ListServiceSpecificCredentials") });
    notImplemented.stub("ListMFADevices", {
      status: 500,
      headers: { "Content-Type": "text/html; charset=utf-8" },
      body: "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n",
    });
    const res = await runCli("iam-userdel", ["-u", "bob", "-r", "-d"], { env: { ...moto.env, AWS_IAM_URL: notImplemented.url } });
    expect(res.code).toBe(0);
    const treated = res.stderr.split("\n").filter((l) => l.includes("not implemented by this endpoint"));
    expect(treated.sort()).toEqual(
      ["ListMFADevices", "ListSSHPublicKeys", "ListServiceSpecificCredentials"].map(
        (action) => `iam-userdel: debug: ${action} is not implemented by this endpoint; treating it as nothing to remove`,
      ),
    );
    expect(notImplemented.requests.map((r) => r.params.Action)).toContain("DeleteAccessKey");
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });

  it("-r does not take other failures of a listing for an empty one", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    notImplemented.stub("ListSSHPublicKeys", { status: 403, body: iamError("AccessDenied", "not authorized to perform: iam:ListSSHPublicKeys") });
    const res = await runCli("iam-userdel", ["-u", "bob", "-r"], { env: { ...moto.env, AWS_IAM_URL: notImplemented.url } });
    expect(res).toEqual({ code: 1, stdout: "", stderr: "iam-userdel: error (AccessDenied): not authorized to perform: iam:ListSSHPublicKeys\n" });
    expect((await moto.iam.listUsers({})).Users).toHaveLength(1);
  });

  it("-r reports what was removed and what remains when a step is denied", async () => {
    await seedLoadedUser(moto.iam, "david");
    await asAdminDenied(moto, ["iam:DeleteLoginProfile"], async (env) => {
      const res = await runCli("iam-userdel", ["-u", "david", "-r"], { env });
      expect(res.code).toBe(1);
      const lines = res.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^iam-userdel: error \(AccessDenied\): .*DeleteLoginProfile/);
      expect(lines[1]).toMatch(/^iam-userdel: removed: access key \w+, access key \w+, policy p1, policy p2, policy p3, attached policy .*, membership of group g3, MFA device arn:aws:iam::123456789012:mfa\/david-mfa$/);
      expect(lines[2]).toBe("iam-userdel: remains: login profile, user david");
      expect(lines[1]).not.toContain("login profile");
    });
    expect((await moto.iam.getUser({ UserName: "david" })).User?.UserName).toBe("david");
    expect((await moto.iam.getLoginProfile({ UserName: "david" })).LoginProfile?.UserName).toBe("david");
    expect((await moto.iam.listAccessKeys({ UserName: "david" })).AccessKeyMetadata).toEqual([]);
  });

  it("-p without -r is a usage error and sends nothing", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    expect(await cli("iam-userdel", "-u", "bob", "-p")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userdel: -p (pretend) can only be used with -r\n",
    });
    expect((await moto.iam.listUsers({})).Users).toHaveLength(1);
  });
});

describe("iam-groupdel", () => {
  async function seedGroup() {
    await moto.iam.createGroup({ GroupName: "mygroup" });
    for (const UserName of ["ann", "ben"]) {
      await moto.iam.createUser({ UserName });
      await moto.iam.addUserToGroup({ GroupName: "mygroup", UserName });
    }
    await moto.iam.putGroupPolicy({ GroupName: "mygroup", PolicyName: "read", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}' });
  }

  it("-r -p prints users (ARNs) and policies, and changes nothing", async () => {
    await seedGroup();
    expect(await cli("iam-groupdel", "-g", "mygroup", "-r", "-p")).toEqual({
      code: 0,
      stdout: `users\n\t${userArn("ann")}\n\t${userArn("ben")}\npolicies\n\tread\n`,
      stderr: "",
    });
    expect((await moto.iam.getGroup({ GroupName: "mygroup" })).Users).toHaveLength(2);
  });

  it("-r removes members and policies, then the group", async () => {
    await seedGroup();
    expect(await cli("iam-groupdel", "-g", "mygroup", "-r")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await moto.iam.listGroups({})).Groups).toEqual([]);
    for (const UserName of ["ann", "ben"]) expect((await moto.iam.listGroupsForUser({ UserName })).Groups).toEqual([]);
  });

  it("a missing group is IAM's NoSuchEntity, exit 1", async () => {
    const res = await cli("iam-groupdel", "-g", "nope", "-r");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-groupdel: error \(NoSuchEntity\): /);
  });
});

describe("concurrent removal on the wire", () => {
  // The wire records every request as it arrives, so a test sees each removal exactly as IAM would.
  const wire = useWire(moto);
  const reads = /^(List|Get)/;
  /** Every request that changes something, as "Action target", sorted: a duplicate would show twice. */
  const changes = (targetOf: Record<string, string>) =>
    wire.requests
      .map((r) => r.params)
      .filter((p) => !reads.test(p.Action))
      .map((p) => `${p.Action} ${p[targetOf[p.Action]]}`)
      .sort();
  const indexOf = (action: string) => wire.requests.findIndex((r) => r.params.Action === action);

  it("iam-userdel -r sends each removal once, the virtual MFA deletion after its deactivation, and DeleteUser last", async () => {
    const seeded = await seedLoadedUser(moto.iam, "david");
    const res = await wire.run("iam-userdel", ["-u", "david", "-r"]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });

    const targetOf = {
      DeleteAccessKey: "AccessKeyId",
      DeleteUserPolicy: "PolicyName",
      DetachUserPolicy: "PolicyArn",
      DeleteSigningCertificate: "CertificateId",
      DeleteSSHPublicKey: "SSHPublicKeyId",
      RemoveUserFromGroup: "GroupName",
      DeleteLoginProfile: "UserName",
      DeactivateMFADevice: "SerialNumber",
      DeleteVirtualMFADevice: "SerialNumber",
      DeleteUser: "UserName",
    };
    expect(changes(targetOf)).toEqual(
      [
        ...seeded.keys.map((id) => `DeleteAccessKey ${id}`),
        ...seeded.policies.map((name) => `DeleteUserPolicy ${name}`),
        ...seeded.attached.map((arn) => `DetachUserPolicy ${arn}`),
        ...seeded.certs.map((id) => `DeleteSigningCertificate ${id}`),
        `DeleteSSHPublicKey ${seeded.sshKey}`,
        ...seeded.groups.map((name) => `RemoveUserFromGroup ${name}`),
        "DeleteLoginProfile david",
        `DeactivateMFADevice ${seeded.serial}`,
        `DeleteVirtualMFADevice ${seeded.serial}`,
        "DeleteUser david",
      ].sort(),
    );
    // Waves: every listing before any removal; DeleteUser and the device's deletion after every other removal.
    const actions = wire.requests.map((r) => r.params.Action);
    const firstChange = actions.findIndex((a) => !reads.test(a));
    expect(actions.slice(firstChange).filter((a) => reads.test(a))).toEqual([]);
    expect(indexOf("DeleteVirtualMFADevice")).toBeGreaterThan(indexOf("DeactivateMFADevice"));
    const lastWave = new Set(["DeleteUser", "DeleteVirtualMFADevice"]);
    const removals = actions.map((a, i) => [a, i] as const).filter(([a]) => !reads.test(a) && !lastWave.has(a));
    for (const [, i] of removals) expect(i).toBeLessThan(Math.min(indexOf("DeleteUser"), indexOf("DeleteVirtualMFADevice")));

    expect((await moto.iam.listUsers({})).Users).toEqual([]);
    expect((await moto.iam.listVirtualMFADevices({})).VirtualMFADevices).toEqual([]);
  });

  it("iam-groupdel -r on a group of 50 removes each member once, then deletes the group", async () => {
    const members = Array.from({ length: 50 }, (_, i) => `member${String(i).padStart(2, "0")}`);
    await moto.iam.createGroup({ GroupName: "crowd" });
    for (let i = 0; i < members.length; i += 10) {
      await Promise.all(
        members.slice(i, i + 10).map(async (UserName) => {
          await moto.iam.createUser({ UserName });
          await moto.iam.addUserToGroup({ GroupName: "crowd", UserName });
        }),
      );
    }
    await moto.iam.putGroupPolicy({ GroupName: "crowd", PolicyName: "read", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}' });

    const res = await wire.run("iam-groupdel", ["-g", "crowd", "-r"]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(changes({ RemoveUserFromGroup: "UserName", DeleteGroupPolicy: "PolicyName", DeleteGroup: "GroupName" })).toEqual(
      [...members.map((name) => `RemoveUserFromGroup ${name}`), "DeleteGroupPolicy read", "DeleteGroup crowd"].sort(),
    );
    expect(wire.requests.at(-1)?.params.Action).toBe("DeleteGroup");

    expect((await moto.iam.listGroups({})).Groups).toEqual([]);
    for (const UserName of members) expect((await moto.iam.listGroupsForUser({ UserName })).Groups).toEqual([]);
  });
});

describe("iam-policydel -r and permissions boundaries", () => {
  const wire = useWire(moto);
  const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  const ALLOW = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
  const viaWire = (...argv: string[]) => wire.run("iam-policydel", argv);

  /** A policy attached to ann, group ops and role api, the boundary of bob and role web, with a second version. */
  async function seedPolicyInUse(): Promise<string> {
    const PolicyArn = (await moto.iam.createPolicy({ PolicyName: "shared", PolicyDocument: ALLOW })).Policy!.Arn!;
    await moto.iam.createPolicyVersion({ PolicyArn, PolicyDocument: ALLOW, SetAsDefault: true });
    await moto.iam.createUser({ UserName: "ann" });
    await moto.iam.attachUserPolicy({ UserName: "ann", PolicyArn });
    await moto.iam.createGroup({ GroupName: "ops" });
    await moto.iam.attachGroupPolicy({ GroupName: "ops", PolicyArn });
    await moto.iam.createRole({ RoleName: "api", AssumeRolePolicyDocument: TRUST });
    await moto.iam.attachRolePolicy({ RoleName: "api", PolicyArn });
    await moto.iam.createUser({ UserName: "bob", PermissionsBoundary: PolicyArn });
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: PolicyArn });
    return PolicyArn;
  }

  it("-r -p lists the boundary users and roles in their own sections, apart from the attachments", async () => {
    const arn = await seedPolicyInUse();
    expect(await viaWire("-a", arn, "-r", "-p")).toEqual({
      code: 0,
      stdout: "users\n\tann\ngroups\n\tops\nroles\n\tapi\nboundaryusers\n\tbob\nboundaryroles\n\tweb\nversions\n\tv1\n",
      stderr: "",
    });
    const filters = wire.requests.filter((r) => r.params.Action === "ListEntitiesForPolicy").map((r) => r.params.PolicyUsageFilter);
    expect(filters.sort()).toEqual(["PermissionsBoundary", "PermissionsPolicy"]);
  });

  it("--dry-run shows each boundary removal as its own step", async () => {
    const arn = await seedPolicyInUse();
    const res = await viaWire("-a", arn, "-r", "--dry-run");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("DeleteUserPermissionsBoundary\n\tUserName: bob\n");
    expect(res.stdout).toContain("DeleteRolePermissionsBoundary\n\tRoleName: web\n");
    expect(res.stdout).not.toMatch(/Detach\w+Policy\n\t\w+Name: (bob|web)\n/);
  });

  it("-r detaches, removes the boundaries, deletes the other version, then the policy; the users and roles stay", async () => {
    const arn = await seedPolicyInUse();
    expect(await viaWire("-a", arn, "-r")).toEqual({ code: 0, stdout: "", stderr: "" });
    const changes = wire.requests
      .map((r) => r.params)
      .filter((p) => !/^(Get|List)/.test(p.Action))
      .map((p) => `${p.Action} ${p.UserName ?? p.GroupName ?? p.RoleName ?? p.VersionId ?? ""}`.trim());
    expect(changes.slice(0, -1).sort()).toEqual([
      "DeletePolicyVersion v1",
      "DeleteRolePermissionsBoundary web",
      "DeleteUserPermissionsBoundary bob",
      "DetachGroupPolicy ops",
      "DetachRolePolicy api",
      "DetachUserPolicy ann",
    ]);
    expect(changes.at(-1)).toBe("DeletePolicy");
    expect((await moto.iam.getUser({ UserName: "bob" })).User?.PermissionsBoundary).toBeUndefined();
    expect((await moto.iam.getRole({ RoleName: "web" })).Role?.PermissionsBoundary).toBeUndefined();
    expect((await moto.iam.listPolicies({ Scope: "Local" })).Policies).toEqual([]);
  });
});
