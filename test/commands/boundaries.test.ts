import { describe, expect, it } from "vitest";
import { asAdminDenied, useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire, verifySignature } from "../harness/wire.js";

const moto = useMoto();
/** The user commands' requests are checked on the wire too; the strict layer keeps user boundaries, which moto lacks. */
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const viaWire = (name: string, ...argv: string[]) => wire.run(name, argv);

const BOUNDARY = "arn:aws:iam::123456789012:policy/dev-boundary";
const OTHER = "arn:aws:iam::123456789012:policy/ops-boundary";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

async function createBoundaryPolicies() {
  for (const PolicyName of ["dev-boundary", "ops-boundary"]) {
    await moto.iam.createPolicy({
      PolicyName,
      PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
    });
  }
}

const roleBoundary = async (RoleName = "web") => (await moto.iam.getRole({ RoleName })).Role?.PermissionsBoundary;
const userBoundary = async (UserName = "david") => (await moto.iam.getUser({ UserName })).User?.PermissionsBoundary;

describe("iam-usersetpermissionsboundary", () => {
  it("sets the user's boundary with PutUserPermissionsBoundary, signed, and prints nothing", async () => {
    await createBoundaryPolicies();
    await moto.iam.createUser({ UserName: "david" });
    expect(await viaWire("iam-usersetpermissionsboundary", "-u", "david", "-b", BOUNDARY)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await userBoundary()).toEqual({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: BOUNDARY });
    expect(wire.requests).toHaveLength(1);
    expect(wire.requests[0].params).toEqual({
      Action: "PutUserPermissionsBoundary",
      Version: "2010-05-08",
      UserName: "david",
      PermissionsBoundary: BOUNDARY,
    });
    const sig = await verifySignature(wire.requests[0], SECRET);
    expect(sig).toMatchObject({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", region: "us-east-1", service: "iam" });
    expect(sig.recomputed).toBe(sig.signature);
  });

  it("--permissions-boundary is the long form of -b, and replaces the boundary", async () => {
    await createBoundaryPolicies();
    await moto.iam.createUser({ UserName: "david", PermissionsBoundary: BOUNDARY });
    const res = await viaWire("iam-usersetpermissionsboundary", "--user-name", "david", "--permissions-boundary", OTHER);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests[0].params.PermissionsBoundary).toBe(OTHER);
    expect((await userBoundary())?.PermissionsBoundaryArn).toBe(OTHER);
  });

  it("a user that does not exist is IAM's NoSuchEntity, exit 1", async () => {
    await createBoundaryPolicies();
    expect(await cli("iam-usersetpermissionsboundary", "-u", "ghost", "-b", BOUNDARY)).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-usersetpermissionsboundary: error (NoSuchEntity): The user with name ghost cannot be found.\n",
    });
  });

  it("refuses a malformed ARN and a missing -b, sending nothing", async () => {
    expect(await viaWire("iam-usersetpermissionsboundary", "-u", "david", "-b", "dev-boundary")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-usersetpermissionsboundary: invalid policy ARN "dev-boundary": expected arn:aws:iam::<account>:policy/<name>\n',
    });
    expect((await viaWire("iam-usersetpermissionsboundary", "-u", "david")).stderr).toBe(
      "iam-usersetpermissionsboundary: missing required option -b POLICYARN (ARN of the managed policy that sets the most permissions the user can have)\n",
    );
    expect(wire.requests).toEqual([]);
  });
});

describe("iam-userdelpermissionsboundary", () => {
  it("removes the boundary with DeleteUserPermissionsBoundary, signed, keeps the policy, and prints nothing", async () => {
    await createBoundaryPolicies();
    await moto.iam.createUser({ UserName: "david", PermissionsBoundary: BOUNDARY });
    expect(await viaWire("iam-userdelpermissionsboundary", "-u", "david")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await userBoundary()).toBeUndefined();
    expect((await moto.iam.getPolicy({ PolicyArn: BOUNDARY })).Policy?.Arn).toBe(BOUNDARY);
    expect(wire.requests.map((r) => r.params)).toEqual([
      { Action: "DeleteUserPermissionsBoundary", Version: "2010-05-08", UserName: "david" },
    ]);
    const sig = await verifySignature(wire.requests[0], SECRET);
    expect(sig.recomputed).toBe(sig.signature);
  });

  it("refuses an invalid user name, sending nothing", async () => {
    expect(await viaWire("iam-userdelpermissionsboundary", "-u", "david smith")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userdelpermissionsboundary: invalid user name "david smith": use only letters, digits and + = , . @ _ -\n',
    });
    expect(wire.requests).toEqual([]);
  });
});

describe("iam-rolesetpermissionsboundary", () => {
  it("sets the boundary, then replaces it, printing nothing", async () => {
    await createBoundaryPolicies();
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    expect(await cli("iam-rolesetpermissionsboundary", "-r", "web", "-b", BOUNDARY)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await roleBoundary()).toEqual({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: BOUNDARY });
    const res = await cli("iam-rolesetpermissionsboundary", "--role-name", "web", "--permissions-boundary", OTHER);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await roleBoundary())?.PermissionsBoundaryArn).toBe(OTHER);
  });

  it("refuses a malformed ARN or role name, changing nothing", async () => {
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    expect(await cli("iam-rolesetpermissionsboundary", "-r", "web", "-b", "arn:aws:iam::123:policy/x")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-rolesetpermissionsboundary: invalid policy ARN "arn:aws:iam::123:policy/x": expected arn:aws:iam::<account>:policy/<name>\n',
    });
    expect((await cli("iam-rolesetpermissionsboundary", "-r", "web!", "-b", BOUNDARY)).stderr).toBe(
      'iam-rolesetpermissionsboundary: invalid role name "web!": use only letters, digits and + = , . @ _ -\n',
    );
    expect(await roleBoundary()).toBeUndefined();
  });

  it("a role that does not exist is IAM's NoSuchEntity, exit 1", async () => {
    const res = await cli("iam-rolesetpermissionsboundary", "-r", "ghost", "-b", BOUNDARY);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-rolesetpermissionsboundary: error \(NoSuchEntity\): /);
  });
});

describe("iam-roledelpermissionsboundary", () => {
  it("removes the boundary and keeps the policy, printing nothing", async () => {
    await createBoundaryPolicies();
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: BOUNDARY });
    expect((await roleBoundary())?.PermissionsBoundaryArn).toBe(BOUNDARY);
    expect(await cli("iam-roledelpermissionsboundary", "-r", "web")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await roleBoundary()).toBeUndefined();
    expect((await moto.iam.getPolicy({ PolicyArn: BOUNDARY })).Policy?.Arn).toBe(BOUNDARY);
  });

  it("refuses a missing -r, changing nothing", async () => {
    await createBoundaryPolicies();
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: BOUNDARY });
    expect(await cli("iam-roledelpermissionsboundary")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-roledelpermissionsboundary: missing required option -r ROLENAME (the name of the role)\n",
    });
    expect((await roleBoundary())?.PermissionsBoundaryArn).toBe(BOUNDARY);
  });
});

describe("recursive deletes leave a permissions boundary alone", () => {
  // DeleteUser and DeleteRole do not require removing it, and a delegated admin's boundary usually
  // denies exactly that: removing it first could leave a user that survives a failed delete with
  // wider permissions.
  const changes = () => wire.requests.map((r) => r.params.Action).filter((a) => !/^(Get|List)/.test(a));

  it("iam-userdel -r -p lists no boundary; -r deletes the user without touching it", async () => {
    await createBoundaryPolicies();
    await moto.iam.createUser({ UserName: "david", PermissionsBoundary: BOUNDARY });
    expect(await viaWire("iam-userdel", "-u", "david", "-r", "-p")).toEqual({
      code: 0,
      stdout: "accesskeys\npolicies\ncertificates\ngroups\n",
      stderr: "",
    });
    expect(changes()).toEqual([]);
    expect(await viaWire("iam-userdel", "-u", "david", "-r")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(changes()).toEqual(["DeleteUser"]);
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
    expect((await moto.iam.getPolicy({ PolicyArn: BOUNDARY })).Policy?.Arn).toBe(BOUNDARY);
  });

  it("iam-roledel -c -p lists no boundary; -c deletes the role without touching it", async () => {
    await createBoundaryPolicies();
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: BOUNDARY });
    await moto.iam.putRolePolicy({ RoleName: "web", PolicyName: "inline", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' });
    expect(await viaWire("iam-roledel", "-r", "web", "-c", "-p")).toEqual({
      code: 0,
      stdout: "instanceprofiles\npolicies\n\tinline\n",
      stderr: "",
    });
    expect(await viaWire("iam-roledel", "-r", "web", "-c")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(changes()).toEqual(["DeleteRolePolicy", "DeleteRole"]);
    expect((await moto.iam.listRoles({})).Roles).toEqual([]);
  });

  it("a delegated admin whose own policy denies removing boundaries deletes a bounded user and role", async () => {
    await createBoundaryPolicies();
    await moto.iam.createUser({ UserName: "david", PermissionsBoundary: BOUNDARY });
    await moto.iam.createAccessKey({ UserName: "david" });
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: BOUNDARY });
    await asAdminDenied(moto, ["iam:DeleteUserPermissionsBoundary", "iam:DeleteRolePermissionsBoundary"], async (env) => {
      expect(await runCli("iam-userdel", ["-u", "david", "-r"], { env })).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(await runCli("iam-roledel", ["-r", "web", "-c"], { env })).toEqual({ code: 0, stdout: "", stderr: "" });
    });
    expect((await moto.iam.listUsers({})).Users?.map((u) => u.UserName)).toEqual(["admin"]);
    expect((await moto.iam.listRoles({})).Roles).toEqual([]);
  });
});
