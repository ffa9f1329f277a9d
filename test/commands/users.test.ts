import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const ARN = (name: string, path = "/") => `arn:aws:iam::123456789012:user${path}${name}`;

describe("iam-usercreate", () => {
  it("prints nothing without -k or -v, and the user exists afterwards", async () => {
    expect(await cli("iam-usercreate", "-u", "david")).toEqual({ code: 0, stdout: "", stderr: "" });
    const { User } = await moto.iam.getUser({ UserName: "david" });
    expect(User?.Path).toBe("/");
  });

  it("-g -k -v prints key id, secret, ARN, id in the legacy order and joins the groups", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createGroup({ GroupName: "Ops" });
    await moto.iam.createGroup({ GroupName: "Dev" });
    const res = await cli("iam-usercreate", "-u", "david", "-g", "Admin", "-g", "Ops,Dev", "-k", "-v");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const { User } = await moto.iam.getUser({ UserName: "david" });
    const { AccessKeyMetadata } = await moto.iam.listAccessKeys({ UserName: "david" });
    const lines = res.stdout.split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(AccessKeyMetadata![0].AccessKeyId);
    expect(lines[1]).toMatch(/^[A-Za-z0-9/+]{40}$/);
    expect(lines.slice(2)).toEqual([ARN("david"), User!.UserId, ""]);
    const { Groups } = await moto.iam.listGroupsForUser({ UserName: "david" });
    expect(Groups!.map((g) => g.GroupName).sort()).toEqual(["Admin", "Dev", "Ops"]);
  });

  it("completes a path that lacks its closing slash, with a warning", async () => {
    const res = await cli("iam-usercreate", "-u", "backup", "-p", "/app", "-v");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('iam-usercreate: warning: path "/app" does not end with /; using "/app/"\n');
    expect(res.stdout.split("\n")[0]).toBe(ARN("backup", "/app/"));
  });

  it("creates nothing when a group does not exist", async () => {
    const res = await cli("iam-usercreate", "-u", "x", "-g", "missing");
    expect(res).toEqual({ code: 1, stdout: "", stderr: "iam-usercreate: error (NoSuchEntity): Group missing not found\n" });
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });

  it("refuses an invalid user name before sending anything", async () => {
    const res = await cli("iam-usercreate", "-u", "bad name!");
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-usercreate: invalid user name "bad name!": use only letters, digits and + = , . @ _ -\n',
    });
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });

  it("--tag and --permissions-boundary are sent with CreateUser", async () => {
    const arn = (await moto.iam.createPolicy({ PolicyName: "cap", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' })).Policy!.Arn!;
    const res = await wire.run("iam-usercreate", ["-u", "tagged", "--tag", "team=ops", "--tag", "cost center=42", "--permissions-boundary", arn]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await moto.iam.listUserTags({ UserName: "tagged" })).Tags).toEqual([
      { Key: "team", Value: "ops" },
      { Key: "cost center", Value: "42" },
    ]);
    // moto drops CreateUser's PermissionsBoundary, so the request itself is checked; the boundary is read first.
    expect(wire.requests.map((r) => r.params)).toEqual([
      expect.objectContaining({ Action: "GetPolicy", PolicyArn: arn }),
      expect.objectContaining({ Action: "CreateUser", UserName: "tagged", PermissionsBoundary: arn }),
    ]);
  });

  it("refuses malformed tags and boundaries before sending anything", async () => {
    expect((await cli("iam-usercreate", "-u", "t", "--tag", "novalue")).stderr).toBe('iam-usercreate: invalid tag "novalue": expected KEY=VALUE\n');
    expect((await cli("iam-usercreate", "-u", "t", "--tag", "a=1", "--tag", "A=2")).stderr).toBe('iam-usercreate: tag key "A" is given twice\n');
    const bad = await cli("iam-usercreate", "-u", "t", "--permissions-boundary", "arn:aws:s3:::bucket");
    expect(bad).toEqual({ code: 2, stdout: "", stderr: 'iam-usercreate: invalid policy ARN "arn:aws:s3:::bucket": expected arn:aws:iam::<account>:policy/<name>\n' });
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });

  it("--json prints the created user and key as one document", async () => {
    const res = await cli("iam-usercreate", "-u", "carol", "-k", "--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.User.UserName).toBe("carol");
    expect(doc.AccessKey.UserName).toBe("carol");
    expect(doc.$metadata).toBeUndefined();
  });
});

describe("iam-usergetattributes", () => {
  it("prints ARN then id", async () => {
    const { User } = await moto.iam.createUser({ UserName: "jeff", Path: "/family/" });
    expect(await cli("iam-usergetattributes", "-u", "jeff")).toEqual({
      code: 0,
      stdout: `${ARN("jeff", "/family/")}\n${User!.UserId}\n`,
      stderr: "",
    });
  });

  it("maps NoSuchEntity to exit 1 with the IAM code", async () => {
    const res = await cli("iam-usergetattributes", "-u", "nobody");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-usergetattributes: error \(NoSuchEntity\): .*nobody.*\n$/);
  });
});

describe("iam-userlistbypath", () => {
  it("lists ARNs then IsTruncated: false, filtered by path prefix", async () => {
    await moto.iam.createUser({ UserName: "jeff", Path: "/family/" });
    await moto.iam.createUser({ UserName: "backup", Path: "/app/" });
    await moto.iam.createUser({ UserName: "syndic8", Path: "/app/" });
    expect((await cli("iam-userlistbypath", "-p", "/app/")).stdout).toBe(
      `${ARN("backup", "/app/")}\n${ARN("syndic8", "/app/")}\nIsTruncated: false\n`,
    );
    const all = await cli("iam-userlistbypath");
    expect(all.stdout.split("\n").filter((l) => l.startsWith("arn:"))).toHaveLength(3);
  });

  it("prints only the trailer when there are no users", async () => {
    expect(await cli("iam-userlistbypath")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });
});
