import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const PROFILE = (name: string, path = "/") => `arn:aws:iam::123456789012:instance-profile${path}${name}`;
const ROLE = (name: string, path = "/") => `arn:aws:iam::123456789012:role${path}${name}`;

const EC2_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

const seedRole = (name: string, path = "/") =>
  moto.iam.createRole({ RoleName: name, Path: path, AssumeRolePolicyDocument: EC2_TRUST });

async function seedProfile(name: string, { path = "/", role }: { path?: string; role?: string } = {}) {
  await moto.iam.createInstanceProfile({ InstanceProfileName: name, Path: path });
  if (role) await moto.iam.addRoleToInstanceProfile({ InstanceProfileName: name, RoleName: role });
}

const profileNames = async () =>
  ((await moto.iam.listInstanceProfiles({})).InstanceProfiles ?? []).map((p) => p.InstanceProfileName).sort();
const rolesIn = async (profile: string) =>
  ((await moto.iam.getInstanceProfile({ InstanceProfileName: profile })).InstanceProfile?.Roles ?? []).map((r) => r.RoleName);
const roleNames = async () => ((await moto.iam.listRoles({})).Roles ?? []).map((r) => r.RoleName).sort();

describe("iam-instanceprofilecreate", () => {
  it("prints nothing without -v, and the empty profile exists at / afterwards", async () => {
    expect(await cli("iam-instanceprofilecreate", "-s", "web")).toEqual({ code: 0, stdout: "", stderr: "" });
    const { InstanceProfile } = await moto.iam.getInstanceProfile({ InstanceProfileName: "web" });
    expect(InstanceProfile?.Path).toBe("/");
    expect(InstanceProfile?.Roles).toEqual([]);
  });

  it("-p -r -v (the legacy provisioning call) creates it under the path holding the role, printing ARN then id", async () => {
    await seedRole("webserver");
    const res = await cli("iam-instanceprofilecreate", "-p", "/app/", "-r", "webserver", "-s", "web", "-v");
    const { InstanceProfile } = await moto.iam.getInstanceProfile({ InstanceProfileName: "web" });
    expect(res).toEqual({ code: 0, stdout: `${PROFILE("web", "/app/")}\n${InstanceProfile!.InstanceProfileId}\n`, stderr: "" });
    expect(InstanceProfile?.Path).toBe("/app/");
    expect(await rolesIn("web")).toEqual(["webserver"]);
  });

  it("euare-instanceprofilecreate takes the name as an argument, --add-role or --role-name, and --tag", async () => {
    await seedRole("webserver");
    await seedRole("db");
    expect(await cli("euare-instanceprofilecreate", "web", "--add-role", "webserver", "--tag", "team=ops", "--tag", "env=prod")).toEqual(
      { code: 0, stdout: "", stderr: "" },
    );
    expect(await cli("iam-instanceprofilecreate", "-s", "dbs", "--role-name", "db")).toEqual({ code: 0, stdout: "", stderr: "" });
    const { InstanceProfile } = await moto.iam.getInstanceProfile({ InstanceProfileName: "web" });
    expect(InstanceProfile?.Tags).toEqual([
      { Key: "team", Value: "ops" },
      { Key: "env", Value: "prod" },
    ]);
    expect(await rolesIn("web")).toEqual(["webserver"]);
    expect(await rolesIn("dbs")).toEqual(["db"]);
  });

  it("creates nothing when the role does not exist", async () => {
    const res = await cli("iam-instanceprofilecreate", "-s", "web", "-r", "missing", "-v");
    expect(res).toEqual({ code: 1, stdout: "", stderr: "iam-instanceprofilecreate: error (NoSuchEntity): Role missing not found\n" });
    expect(await profileNames()).toEqual([]);
  });

  it("--json prints the new profile and the role it added", async () => {
    await seedRole("webserver");
    const res = await cli("iam-instanceprofilecreate", "-s", "web", "-r", "webserver", "--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.InstanceProfile.Arn).toBe(PROFILE("web"));
    expect(doc.AddedRole).toBe("webserver");
  });

  it("refuses an invalid name, path, role name or tag before creating anything", async () => {
    const refused = async (argv: string[], message: string) =>
      expect(await cli("iam-instanceprofilecreate", ...argv)).toEqual({
        code: 2,
        stdout: "",
        stderr: `iam-instanceprofilecreate: ${message}\n`,
      });
    await refused(["-s", "web server"], 'invalid instance profile name "web server": use only letters, digits and + = , . @ _ -');
    await refused(["-s", "x".repeat(129)], `invalid instance profile name "${"x".repeat(129)}": must be 1 to 128 characters`);
    await refused(["-s", "web", "-p", "app/"], 'invalid path "app/": must begin and end with /');
    await refused(["-s", "web", "-r", "a/b"], 'invalid role name "a/b": use only letters, digits and + = , . @ _ -');
    await refused(["-s", "web", "--tag", "team=a", "--tag", "Team=b"], 'tag key "Team" is given twice');
    await refused(["-p", "/app/"], "missing required option -s INSTANCEPROFILENAME (the name of the instance profile)");
    expect(await profileNames()).toEqual([]);
  });

  it("fails with the IAM code when the name is taken", async () => {
    await seedProfile("web", { path: "/old/" });
    expect(await cli("iam-instanceprofilecreate", "-s", "web", "-p", "/new/")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-instanceprofilecreate: error (EntityAlreadyExists): Instance Profile web already exists.\n",
    });
    expect((await moto.iam.getInstanceProfile({ InstanceProfileName: "web" })).InstanceProfile?.Path).toBe("/old/");
  });
});

describe("iam-instanceprofiledel", () => {
  it("deletes an empty profile and prints nothing", async () => {
    await seedProfile("web");
    await seedProfile("db");
    expect(await cli("iam-instanceprofiledel", "-s", "web")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await profileNames()).toEqual(["db"]);
  });

  it("without -c, a profile holding a role is refused by IAM and stays", async () => {
    await seedRole("webserver");
    await seedProfile("web", { role: "webserver" });
    expect(await cli("iam-instanceprofiledel", "-s", "web")).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        "iam-instanceprofiledel: error (DeleteConflict): Cannot delete entity, must remove roles from instance profile first.",
        "iam-instanceprofiledel: instance profile web still has a role (delete them first, or use -c)",
        "",
      ].join("\n"),
    });
    expect(await profileNames()).toEqual(["web"]);
    expect(await rolesIn("web")).toEqual(["webserver"]);
  });

  it("-c takes the role out, then deletes the profile; the role is kept (and can now be deleted)", async () => {
    await seedRole("webserver", "/app/");
    await seedProfile("web", { role: "webserver" });
    expect(await cli("euare-instanceprofiledel", "web", "--recursive")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await profileNames()).toEqual([]);
    expect(await roleNames()).toEqual(["webserver"]);
    await moto.iam.deleteRole({ RoleName: "webserver" });
  });

  it("-c -p prints the roles section with role ARNs and changes nothing", async () => {
    await seedRole("webserver", "/app/");
    await seedProfile("web", { role: "webserver" });
    expect(await cli("iam-instanceprofiledel", "-s", "web", "-c", "-p")).toEqual({
      code: 0,
      stdout: `roles\n\t${ROLE("webserver", "/app/")}\n`,
      stderr: "",
    });
    expect(await rolesIn("web")).toEqual(["webserver"]);
  });

  it("--json gives the role as every recursive delete gives its dependents: what -p would take out, or what -c took out", async () => {
    await seedRole("webserver", "/app/");
    await seedProfile("web", { role: "webserver" });
    const roles = [{ name: "webserver", arn: ROLE("webserver", "/app/") }];
    const pretend = await cli("iam-instanceprofiledel", "-s", "web", "-c", "-p", "--json");
    expect(JSON.parse(pretend.stdout)).toEqual({ Pretend: { roles } });
    const removed = await cli("iam-instanceprofiledel", "-s", "web", "-c", "--json");
    expect(JSON.parse(removed.stdout)).toEqual({ Removed: { roles } });
    expect(await profileNames()).toEqual([]);
  });

  it("-c -p on an empty profile prints the bare section header", async () => {
    await seedProfile("web");
    expect(await cli("iam-instanceprofiledel", "-s", "web", "-c", "-p")).toEqual({ code: 0, stdout: "roles\n", stderr: "" });
    expect(await profileNames()).toEqual(["web"]);
  });

  it("refuses -p without -c, and -r (the role letter in this family), deleting nothing", async () => {
    await seedProfile("web");
    expect(await cli("iam-instanceprofiledel", "-s", "web", "-p")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-instanceprofiledel: -p (pretend) can only be used with -c\n",
    });
    expect(await cli("iam-instanceprofiledel", "-s", "web", "-r")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-instanceprofiledel: unknown option '-r'; see iam-instanceprofiledel -h\n",
    });
    expect(await profileNames()).toEqual(["web"]);
  });

  it("maps a missing profile to NoSuchEntity, with or without -c", async () => {
    for (const extra of [[], ["-c"]]) {
      expect(await cli("iam-instanceprofiledel", "-s", "nope", ...extra)).toEqual({
        code: 1,
        stdout: "",
        stderr: "iam-instanceprofiledel: error (NoSuchEntity): Instance profile nope not found\n",
      });
    }
  });
});

describe("iam-instanceprofileaddrole", () => {
  it("puts the role into the profile and prints nothing", async () => {
    await seedRole("webserver");
    await seedProfile("web");
    expect(await cli("iam-instanceprofileaddrole", "-s", "web", "-r", "webserver")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await rolesIn("web")).toEqual(["webserver"]);
  });

  it("euare-instanceprofileaddrole takes the profile as an argument and --role-name", async () => {
    await seedRole("webserver");
    await seedProfile("web");
    expect(await cli("euare-instanceprofileaddrole", "web", "--role-name", "webserver")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await rolesIn("web")).toEqual(["webserver"]);
  });

  it("reports IAM's one-role-per-profile limit", async () => {
    await seedRole("webserver");
    await seedRole("other");
    await seedProfile("web", { role: "webserver" });
    expect(await cli("iam-instanceprofileaddrole", "-s", "web", "-r", "other")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-instanceprofileaddrole: error (LimitExceeded): Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1\n",
    });
    expect(await rolesIn("web")).toEqual(["webserver"]);
  });

  it("requires -r and refuses an invalid role name, changing nothing", async () => {
    await seedRole("webserver");
    await seedProfile("web");
    expect(await cli("iam-instanceprofileaddrole", "-s", "web")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-instanceprofileaddrole: missing required option -r ROLENAME (the role to put into the instance profile)\n",
    });
    expect(await cli("iam-instanceprofileaddrole", "-s", "web", "-r", "web server")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-instanceprofileaddrole: invalid role name "web server": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await rolesIn("web")).toEqual([]);
  });
});

describe("iam-instanceprofileremoverole", () => {
  it("takes the role out of the profile, prints nothing, and keeps the role", async () => {
    await seedRole("webserver");
    await seedProfile("web", { role: "webserver" });
    expect(await cli("iam-instanceprofileremoverole", "-s", "web", "-r", "webserver")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await rolesIn("web")).toEqual([]);
    expect(await roleNames()).toEqual(["webserver"]);
  });

  it("refuses an invalid profile name before sending anything, and maps a missing profile to NoSuchEntity", async () => {
    await seedRole("webserver");
    await seedProfile("web", { role: "webserver" });
    expect(await cli("iam-instanceprofileremoverole", "-s", "web!", "-r", "webserver")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-instanceprofileremoverole: invalid instance profile name "web!": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await cli("iam-instanceprofileremoverole", "-s", "nope", "-r", "webserver")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-instanceprofileremoverole: error (NoSuchEntity): Instance profile nope not found\n",
    });
    expect(await rolesIn("web")).toEqual(["webserver"]);
  });
});

describe("iam-instanceprofilegetattributes", () => {
  it("prints the ARN, the id, then the ARN of the role it holds", async () => {
    await seedRole("webserver", "/app/");
    await seedProfile("web", { path: "/app/", role: "webserver" });
    const { InstanceProfile } = await moto.iam.getInstanceProfile({ InstanceProfileName: "web" });
    expect(await cli("iam-instanceprofilegetattributes", "-s", "web")).toEqual({
      code: 0,
      stdout: `${PROFILE("web", "/app/")}\n${InstanceProfile!.InstanceProfileId}\n${ROLE("webserver", "/app/")}\n`,
      stderr: "",
    });
  });

  it("prints only ARN and id for an empty profile (euare- form, name as an argument)", async () => {
    await seedProfile("web");
    const { InstanceProfile } = await moto.iam.getInstanceProfile({ InstanceProfileName: "web" });
    expect(await cli("euare-instanceprofilegetattributes", "web")).toEqual({
      code: 0,
      stdout: `${PROFILE("web")}\n${InstanceProfile!.InstanceProfileId}\n`,
      stderr: "",
    });
  });

  it("refuses a missing or invalid name, and maps an unknown profile to NoSuchEntity", async () => {
    expect(await cli("iam-instanceprofilegetattributes")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-instanceprofilegetattributes: missing required option -s INSTANCEPROFILENAME (the name of the instance profile)\n",
    });
    expect(await cli("iam-instanceprofilegetattributes", "-s", "")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-instanceprofilegetattributes: invalid instance profile name "": must be 1 to 128 characters\n',
    });
    expect(await cli("iam-instanceprofilegetattributes", "-s", "nope")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-instanceprofilegetattributes: error (NoSuchEntity): Instance profile nope not found\n",
    });
  });
});

describe("iam-instanceprofilelistbypath", () => {
  it("lists every profile's ARN, then the trailer", async () => {
    await seedProfile("web");
    await seedProfile("db", { path: "/data/" });
    expect(await cli("iam-instanceprofilelistbypath")).toEqual({
      code: 0,
      stdout: `${PROFILE("web")}\n${PROFILE("db", "/data/")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("-p keeps only the profiles under the prefix (the test server ignores PathPrefix)", async () => {
    await seedProfile("web");
    await seedProfile("api", { path: "/eng/" });
    await seedProfile("batch", { path: "/eng/jobs/" });
    await seedProfile("sales", { path: "/english/" });
    expect(await cli("iam-instanceprofilelistbypath", "-p", "/eng/")).toEqual({
      code: 0,
      stdout: `${PROFILE("api", "/eng/")}\n${PROFILE("batch", "/eng/jobs/")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer when there are none", async () => {
    expect(await cli("iam-instanceprofilelistbypath")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("refuses a prefix that does not start with /", async () => {
    expect(await cli("iam-instanceprofilelistbypath", "-p", "eng/")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-instanceprofilelistbypath: invalid path "eng/": must begin and end with /\n',
    });
  });
});

describe("iam-instanceprofilelistforrole", () => {
  it("lists the ARNs of the profiles holding the role, then the trailer", async () => {
    await seedRole("webserver");
    await seedRole("other");
    await seedProfile("web", { path: "/app/", role: "webserver" });
    await seedProfile("web2", { role: "webserver" });
    await seedProfile("elsewhere", { role: "other" });
    expect(await cli("iam-instanceprofilelistforrole", "-r", "webserver")).toEqual({
      code: 0,
      stdout: `${PROFILE("web", "/app/")}\n${PROFILE("web2")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer for a role in no profile, and nothing under the euare- name (role as an argument)", async () => {
    await seedRole("webserver");
    expect(await cli("iam-instanceprofilelistforrole", "-r", "webserver")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
    expect(await cli("euare-instanceprofilelistforrole", "webserver")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("requires a valid role name", async () => {
    expect(await cli("iam-instanceprofilelistforrole")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-instanceprofilelistforrole: missing required option -r ROLENAME (the name of the role)\n",
    });
    expect(await cli("iam-instanceprofilelistforrole", "-r", "x".repeat(65))).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-instanceprofilelistforrole: invalid role name "${"x".repeat(65)}": must be 1 to 64 characters\n`,
    });
  });
});
