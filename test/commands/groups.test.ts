import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire, verifySignature } from "../harness/wire.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const GROUP = (name: string, path = "/") => `arn:aws:iam::123456789012:group${path}${name}`;
const USER = (name: string, path = "/") => `arn:aws:iam::123456789012:user${path}${name}`;

const groupNames = async () => ((await moto.iam.listGroups({})).Groups ?? []).map((g) => g.GroupName).sort();
const members = async (group: string) =>
  ((await moto.iam.getGroup({ GroupName: group })).Users ?? []).map((u) => u.UserName).sort();

/** moto applies UpdateGroup's NewPath only together with NewGroupName: for -p alone the request is checked. */
const wire = useWire(moto);

describe("iam-groupmod", () => {
  it("-n renames the group and prints nothing: the old name is gone, the new one exists", async () => {
    await moto.iam.createGroup({ GroupName: "Admin", Path: "/staff/" });
    expect(await cli("iam-groupmod", "-g", "Admin", "-n", "Administrators")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await groupNames()).toEqual(["Administrators"]);
    const { Group } = await moto.iam.getGroup({ GroupName: "Administrators" });
    expect(Group?.Path).toBe("/staff/");
  });

  it("-n and -p together rename and move it, keeping its members", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.addUserToGroup({ GroupName: "Admin", UserName: "david" });
    const res = await cli("iam-groupmod", "--group-name", "Admin", "--new-group-name", "Ops", "--new-path", "/it/");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await groupNames()).toEqual(["Ops"]);
    const { Group } = await moto.iam.getGroup({ GroupName: "Ops" });
    expect(Group?.Path).toBe("/it/");
    expect(Group?.Arn).toBe(GROUP("Ops", "/it/"));
    expect(await members("Ops")).toEqual(["david"]);
  });

  it("-p alone sends only the new path (completing its slash, with a warning)", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    const res = await wire.run("iam-groupmod", ["-g", "Admin", "-p", "/staff"]);
    expect(res).toEqual({
      code: 0,
      stdout: "",
      stderr: 'iam-groupmod: warning: path "/staff" does not end with /; using "/staff/"\n',
    });
    expect(wire.requests).toHaveLength(1);
    expect(wire.requests[0].params).toEqual({ Action: "UpdateGroup", Version: "2010-05-08", GroupName: "Admin", NewPath: "/staff/" });
    const signature = await verifySignature(wire.requests[0], "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    expect(signature).toMatchObject({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", region: "us-east-1", service: "iam" });
    expect(signature.recomputed).toBe(signature.signature);
    expect(await groupNames()).toEqual(["Admin"]);
  });

  it("refuses a call with neither -n nor -p, sending nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    const res = await wire.run("iam-groupmod", ["-g", "Admin"]);
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-groupmod: nothing to change: give a new name (-n), a new path (-p) or both\n",
    });
    expect(wire.requests).toEqual([]);
    expect(await groupNames()).toEqual(["Admin"]);
  });

  it("refuses an invalid new name or path before sending anything", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    expect(await cli("iam-groupmod", "-g", "Admin", "-n", "bad name")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-groupmod: invalid group name "bad name": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await cli("iam-groupmod", "-g", "Admin", "-p", "staff/")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-groupmod: invalid path "staff/": must begin and end with /\n',
    });
    expect(await groupNames()).toEqual(["Admin"]);
    expect((await moto.iam.getGroup({ GroupName: "Admin" })).Group?.Path).toBe("/");
  });

  it("fails with the IAM code when the new name is taken, changing nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createGroup({ GroupName: "Ops" });
    const res = await cli("iam-groupmod", "-g", "Admin", "-n", "Ops");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-groupmod: error \(EntityAlreadyExists\): .*Ops.*\n$/);
    expect(await groupNames()).toEqual(["Admin", "Ops"]);
  });
});

describe("iam-groupadduser", () => {
  it("adds the user to the group and prints nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-groupadduser", "-g", "Admin", "-u", "david")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await members("Admin")).toEqual(["david"]);
    const { Groups } = await moto.iam.listGroupsForUser({ UserName: "david" });
    expect(Groups?.map((g) => g.GroupName)).toEqual(["Admin"]);
  });

  it("requires -u, sending nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    expect(await cli("iam-groupadduser", "-g", "Admin")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-groupadduser: missing required option -u USERNAME (the name of the user)\n",
    });
    expect(await members("Admin")).toEqual([]);
  });

  it("refuses an invalid user name before sending anything", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    expect(await cli("iam-groupadduser", "-g", "Admin", "-u", "da/vid")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-groupadduser: invalid user name "da/vid": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await members("Admin")).toEqual([]);
  });

  it("maps a missing group to exit 1 with NoSuchEntity", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli("iam-groupadduser", "-g", "Nope", "-u", "david");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-groupadduser: error \(NoSuchEntity\): .*Nope.*\n$/);
    expect((await moto.iam.listGroupsForUser({ UserName: "david" })).Groups).toEqual([]);
  });
});

describe("iam-groupremoveuser", () => {
  it("removes only that user from only that group and prints nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createGroup({ GroupName: "Ops" });
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createUser({ UserName: "jeff" });
    for (const [group, user] of [["Admin", "david"], ["Admin", "jeff"], ["Ops", "david"]]) {
      await moto.iam.addUserToGroup({ GroupName: group, UserName: user });
    }
    expect(await cli("iam-groupremoveuser", "-g", "Admin", "-u", "david")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await members("Admin")).toEqual(["jeff"]);
    expect(await members("Ops")).toEqual(["david"]);
    expect((await moto.iam.getUser({ UserName: "david" })).User?.UserName).toBe("david");
  });

  it("requires -g, sending nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.addUserToGroup({ GroupName: "Admin", UserName: "david" });
    expect(await cli("iam-groupremoveuser", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-groupremoveuser: missing required option -g GROUPNAME (the name of the group)\n",
    });
    expect(await members("Admin")).toEqual(["david"]);
  });

  it("refuses an invalid group name before sending anything", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.addUserToGroup({ GroupName: "Admin", UserName: "david" });
    expect(await cli("iam-groupremoveuser", "-g", "Ad min", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-groupremoveuser: invalid group name "Ad min": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await members("Admin")).toEqual(["david"]);
  });
});

describe("iam-grouplistbypath", () => {
  it("lists every group's ARN, then the trailer", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createGroup({ GroupName: "Dev", Path: "/eng/" });
    expect(await cli("iam-grouplistbypath")).toEqual({
      code: 0,
      stdout: `${GROUP("Admin")}\n${GROUP("Dev", "/eng/")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("-p keeps only the groups under the prefix", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createGroup({ GroupName: "Dev", Path: "/eng/" });
    await moto.iam.createGroup({ GroupName: "Web", Path: "/eng/web/" });
    await moto.iam.createGroup({ GroupName: "Sales", Path: "/english/" });
    expect(await cli("iam-grouplistbypath", "-p", "/eng/")).toEqual({
      code: 0,
      stdout: `${GROUP("Dev", "/eng/")}\n${GROUP("Web", "/eng/web/")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer when there are no groups", async () => {
    expect(await cli("iam-grouplistbypath")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("--json prints the groups", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    const res = await cli("iam-grouplistbypath", "--json");
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).Groups.map((g: { Arn: string }) => g.Arn)).toEqual([GROUP("Admin")]);
  });

  it("refuses a prefix that does not start with /", async () => {
    expect(await cli("iam-grouplistbypath", "-p", "eng/")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-grouplistbypath: invalid path "eng/": must begin and end with /\n',
    });
  });
});

describe("iam-grouplistusers", () => {
  it("prints the group ARN, each member's ARN, then the trailer", async () => {
    await moto.iam.createGroup({ GroupName: "Admin", Path: "/staff/" });
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createUser({ UserName: "jeff", Path: "/family/" });
    await moto.iam.createUser({ UserName: "outsider" });
    await moto.iam.addUserToGroup({ GroupName: "Admin", UserName: "david" });
    await moto.iam.addUserToGroup({ GroupName: "Admin", UserName: "jeff" });
    expect(await cli("iam-grouplistusers", "-g", "Admin")).toEqual({
      code: 0,
      stdout: `${GROUP("Admin", "/staff/")}\n${USER("david")}\n${USER("jeff", "/family/")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints the group ARN and the trailer for an empty group", async () => {
    await moto.iam.createGroup({ GroupName: "Empty" });
    expect(await cli("iam-grouplistusers", "-g", "Empty")).toEqual({
      code: 0,
      stdout: `${GROUP("Empty")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("--json prints the group and its users", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.addUserToGroup({ GroupName: "Admin", UserName: "david" });
    const doc = JSON.parse((await cli("iam-grouplistusers", "-g", "Admin", "--json")).stdout);
    expect(doc.Group.GroupName).toBe("Admin");
    expect(doc.Users.map((u: { UserName: string }) => u.UserName)).toEqual(["david"]);
  });

  it("requires -g", async () => {
    expect(await cli("iam-grouplistusers")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-grouplistusers: missing required option -g GROUPNAME (the name of the group)\n",
    });
  });

  it("maps a missing group to exit 1 with NoSuchEntity", async () => {
    const res = await cli("iam-grouplistusers", "-g", "Nope");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-grouplistusers: error \(NoSuchEntity\): .*Nope.*\n$/);
  });
});
