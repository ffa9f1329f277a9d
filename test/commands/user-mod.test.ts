import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const GROUP = (name: string, path = "/") => `arn:aws:iam::123456789012:group${path}${name}`;

const userNames = async () => ((await moto.iam.listUsers({})).Users ?? []).map((u) => u.UserName).sort();

describe("iam-usermod", () => {
  it("-n renames the user and prints nothing: the old name is gone, the new one exists", async () => {
    await moto.iam.createUser({ UserName: "david", Path: "/staff/" });
    expect(await cli("iam-usermod", "-u", "david", "-n", "dave")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await userNames()).toEqual(["dave"]);
    const { User } = await moto.iam.getUser({ UserName: "dave" });
    expect(User?.Path).toBe("/staff/");
  });

  it("-p moves the user, keeping its name", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-usermod", "-u", "david", "-p", "/staff/")).toEqual({ code: 0, stdout: "", stderr: "" });
    const { User } = await moto.iam.getUser({ UserName: "david" });
    expect(User?.Path).toBe("/staff/");
    expect(User?.Arn).toBe("arn:aws:iam::123456789012:user/staff/david");
  });

  it("-n and -p together rename and move it, keeping its groups", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.addUserToGroup({ GroupName: "Admin", UserName: "david" });
    const res = await cli("iam-usermod", "--user-name", "david", "--new-user-name", "dave", "--new-path", "/staff");
    expect(res).toEqual({
      code: 0,
      stdout: "",
      stderr: 'iam-usermod: warning: path "/staff" does not end with /; using "/staff/"\n',
    });
    expect(await userNames()).toEqual(["dave"]);
    const { User } = await moto.iam.getUser({ UserName: "dave" });
    expect(User?.Path).toBe("/staff/");
    const { Groups } = await moto.iam.listGroupsForUser({ UserName: "dave" });
    expect(Groups?.map((g) => g.GroupName)).toEqual(["Admin"]);
  });

  it("refuses a call with neither -n nor -p", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-usermod", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-usermod: nothing to change: give a new name (-n), a new path (-p) or both\n",
    });
    expect(await userNames()).toEqual(["david"]);
  });

  it("refuses an invalid new name or path before sending anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-usermod", "-u", "david", "-n", "x".repeat(65))).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-usermod: invalid user name "${"x".repeat(65)}": must be 1 to 64 characters\n`,
    });
    expect(await cli("iam-usermod", "-u", "david", "-n", "dave", "-p", "/a b/")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-usermod: invalid path "/a b/": only printable ASCII characters without spaces are allowed\n',
    });
    expect(await userNames()).toEqual(["david"]);
    expect((await moto.iam.getUser({ UserName: "david" })).User?.Path).toBe("/");
  });

  it("maps a missing user to exit 1 with NoSuchEntity", async () => {
    const res = await cli("iam-usermod", "-u", "nobody", "-n", "somebody");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-usermod: error \(NoSuchEntity\): .*nobody.*\n$/);
    expect(await userNames()).toEqual([]);
  });
});

describe("iam-userlistgroups", () => {
  it("lists the ARNs of the user's groups only, then the trailer", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createGroup({ GroupName: "Admin" });
    await moto.iam.createGroup({ GroupName: "Dev", Path: "/eng/" });
    await moto.iam.createGroup({ GroupName: "Sales" });
    await moto.iam.addUserToGroup({ GroupName: "Admin", UserName: "david" });
    await moto.iam.addUserToGroup({ GroupName: "Dev", UserName: "david" });
    expect(await cli("iam-userlistgroups", "-u", "david")).toEqual({
      code: 0,
      stdout: `${GROUP("Admin")}\n${GROUP("Dev", "/eng/")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer for a user in no group", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userlistgroups", "-u", "david")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("requires -u", async () => {
    expect(await cli("iam-userlistgroups")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userlistgroups: missing required option -u USERNAME (the name of the user)\n",
    });
  });

  it("maps a missing user to exit 1 with NoSuchEntity", async () => {
    const res = await cli("iam-userlistgroups", "-u", "nobody");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-userlistgroups: error \(NoSuchEntity\): .*nobody.*\n$/);
  });
});
