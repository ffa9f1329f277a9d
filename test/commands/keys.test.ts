import { describe, expect, it } from "vitest";
import { legacyKeyText, useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });

async function keysOf(userName: string) {
  return (await moto.iam.listAccessKeys({ UserName: userName })).AccessKeyMetadata ?? [];
}

/** Creates david with one key and returns an environment that signs as that key (moto maps it to david). */
async function signedAsDavid() {
  await moto.iam.createUser({ UserName: "david" });
  const { AccessKey } = await moto.iam.createAccessKey({ UserName: "david" });
  const file = writeTestFile(moto, "david-credentials", legacyKeyText(AccessKey!), 0o600);
  return { env: { ...moto.env, AWS_CREDENTIAL_FILE: file }, keyId: AccessKey!.AccessKeyId! };
}

describe("iam-useraddkey", () => {
  it("prints the new key id then its secret, and the key exists for the user", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli("iam-useraddkey", "-u", "david");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const keys = await keysOf("david");
    expect(keys).toHaveLength(1);
    expect(res.stdout).toMatch(new RegExp(`^${keys[0].AccessKeyId}\\n[A-Za-z0-9/+]{40}\\n$`));
    expect(keys[0].Status).toBe("Active");
  });

  it("without -u creates a key for the user whose credentials are in use", async () => {
    const { env, keyId } = await signedAsDavid();
    const res = await runCli("iam-useraddkey", [], { env });
    expect(res.code).toBe(0);
    const ids = (await keysOf("david")).map((k) => k.AccessKeyId);
    expect(ids).toHaveLength(2);
    const created = ids.find((id) => id !== keyId)!;
    expect(res.stdout.split("\n")[0]).toBe(created);
  });

  it("reports IAM's two-key limit as a service error", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createAccessKey({ UserName: "david" });
    await moto.iam.createAccessKey({ UserName: "david" });
    expect(await cli("iam-useraddkey", "-u", "david")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-useraddkey: error (LimitExceeded): Cannot exceed quota for AccessKeysPerUser: 2\n",
    });
    expect(await keysOf("david")).toHaveLength(2);
  });

  it("refuses an invalid user name before sending anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-useraddkey", "-u", "david smith")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-useraddkey: invalid user name "david smith": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await keysOf("david")).toEqual([]);
  });
});

describe("iam-userdelkey", () => {
  it("deletes the key and prints nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const { AccessKey: gone } = await moto.iam.createAccessKey({ UserName: "david" });
    const { AccessKey: kept } = await moto.iam.createAccessKey({ UserName: "david" });
    expect(await cli("iam-userdelkey", "-u", "david", "-k", gone!.AccessKeyId!)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await keysOf("david")).map((k) => k.AccessKeyId)).toEqual([kept!.AccessKeyId]);
  });

  it("without -u deletes one of the caller's own keys", async () => {
    const { env } = await signedAsDavid();
    const { AccessKey } = await moto.iam.createAccessKey({ UserName: "david" });
    expect(await runCli("iam-userdelkey", ["-k", AccessKey!.AccessKeyId!], { env })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await keysOf("david")).map((k) => k.AccessKeyId)).not.toContain(AccessKey!.AccessKeyId);
  });

  it("requires -k", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createAccessKey({ UserName: "david" });
    expect(await cli("iam-userdelkey", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userdelkey: missing required option -k ACCESSKEYID (the access key id)\n",
    });
    expect(await keysOf("david")).toHaveLength(1);
  });

  it("refuses a malformed key id before sending anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createAccessKey({ UserName: "david" });
    expect(await cli("iam-userdelkey", "-u", "david", "-k", "AKIA-123")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userdelkey: invalid access key id "AKIA-123": expected 16 to 128 letters and digits\n',
    });
    expect(await keysOf("david")).toHaveLength(1);
  });

  it("maps an unknown key to NoSuchEntity", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userdelkey", "-u", "david", "-k", "AKIAXXXXXXXXXXXXXXXX")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userdelkey: error (NoSuchEntity): The Access Key with id AKIAXXXXXXXXXXXXXXXX cannot be found\n",
    });
  });
});

describe("iam-usermodkey", () => {
  it("sets a key Inactive and back to Active, printing nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const { AccessKey } = await moto.iam.createAccessKey({ UserName: "david" });
    const id = AccessKey!.AccessKeyId!;
    expect(await cli("iam-usermodkey", "-u", "david", "-k", id, "-s", "Inactive")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await keysOf("david"))[0].Status).toBe("Inactive");
    expect(await cli("iam-usermodkey", "-u", "david", "-k", id, "-s", "Active")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await keysOf("david"))[0].Status).toBe("Active");
  });

  it("refuses a status other than Active or Inactive (the test server would store it)", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const { AccessKey } = await moto.iam.createAccessKey({ UserName: "david" });
    expect(await cli("iam-usermodkey", "-u", "david", "-k", AccessKey!.AccessKeyId!, "-s", "inactive")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-usermodkey: invalid value "inactive" for -s: expected Active or Inactive\n',
    });
    expect((await keysOf("david"))[0].Status).toBe("Active");
  });

  it("requires -s", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const { AccessKey } = await moto.iam.createAccessKey({ UserName: "david" });
    expect(await cli("iam-usermodkey", "-u", "david", "-k", AccessKey!.AccessKeyId!)).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-usermodkey: missing required option -s STATUS (the new status of the key: Active or Inactive)\n",
    });
  });
});

describe("iam-userlistkeys", () => {
  it("prints each key id then its status, then the trailer", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const { AccessKey: first } = await moto.iam.createAccessKey({ UserName: "david" });
    const { AccessKey: second } = await moto.iam.createAccessKey({ UserName: "david" });
    await moto.iam.updateAccessKey({ UserName: "david", AccessKeyId: second!.AccessKeyId!, Status: "Inactive" });
    const order = (await keysOf("david")).map((k) => k.AccessKeyId);
    const status = (id: string | undefined) => (id === second!.AccessKeyId ? "Inactive" : "Active");
    expect(order).toEqual(expect.arrayContaining([first!.AccessKeyId, second!.AccessKeyId]));
    expect(await cli("iam-userlistkeys", "-u", "david")).toEqual({
      code: 0,
      stdout: `${order[0]}\n${status(order[0])}\n${order[1]}\n${status(order[1])}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("without -u lists the caller's own keys", async () => {
    const { env, keyId } = await signedAsDavid();
    expect(await runCli("iam-userlistkeys", [], { env })).toEqual({
      code: 0,
      stdout: `${keyId}\nActive\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer for a user without keys", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userlistkeys", "-u", "david")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("--json prints the key metadata without secrets", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const { AccessKey } = await moto.iam.createAccessKey({ UserName: "david" });
    const res = await cli("iam-userlistkeys", "-u", "david", "--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.AccessKeyMetadata.map((k: { AccessKeyId: string }) => k.AccessKeyId)).toEqual([AccessKey!.AccessKeyId]);
    expect(res.stdout).not.toContain(AccessKey!.SecretAccessKey);
  });

  it("maps a missing user to NoSuchEntity", async () => {
    expect(await cli("iam-userlistkeys", "-u", "nobody")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userlistkeys: error (NoSuchEntity): The user with name nobody cannot be found.\n",
    });
  });

  it("refuses an invalid user name", async () => {
    expect(await cli("iam-userlistkeys", "-u", "")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userlistkeys: invalid user name "": must be 1 to 64 characters\n',
    });
  });
});
