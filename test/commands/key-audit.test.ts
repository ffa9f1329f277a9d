import { IAM, type AccessKey } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

async function userWithKeys(UserName: string, count: number): Promise<AccessKey[]> {
  await moto.iam.createUser({ UserName });
  const keys: AccessKey[] = [];
  for (let i = 0; i < count; i++) keys.push((await moto.iam.createAccessKey({ UserName })).AccessKey!);
  return keys;
}

/** Signs one request with `key`: IAM records the key's last use (date, service, region). */
async function use(key: AccessKey) {
  const client = new IAM({ endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
  await client.listUsers({});
}

const lastUsed = async (AccessKeyId: string) => (await moto.iam.getAccessKeyLastUsed({ AccessKeyId })).AccessKeyLastUsed!;

describe("iam-userlistkeys -v", () => {
  it("adds each key's last use after its status: date, service and region, or never", async () => {
    const [used, unused] = await userWithKeys("david", 2);
    await use(used);
    const { LastUsedDate, ServiceName, Region } = await lastUsed(used.AccessKeyId!);
    const res = await cli("iam-userlistkeys", "-u", "david", "-v");
    const lines = new Map([
      [used.AccessKeyId, `${used.AccessKeyId}\nActive\nLastUsed: ${LastUsedDate!.toISOString()} ${ServiceName} ${Region}\n`],
      [unused.AccessKeyId, `${unused.AccessKeyId}\nActive\nLastUsed: never\n`],
    ]);
    const listed = (await moto.iam.listAccessKeys({ UserName: "david" })).AccessKeyMetadata!.map((k) => lines.get(k.AccessKeyId)).join("");
    expect(res).toEqual({ code: 0, stdout: `${listed}IsTruncated: false\n`, stderr: "" });
    expect([ServiceName, Region]).toEqual(["iam", "us-east-1"]);
  });

  it("without -v prints the legacy two lines per key and asks nothing about last use", async () => {
    const [key] = await userWithKeys("david", 1);
    const res = await wire.run("iam-userlistkeys", ["-u", "david"]);
    expect(res).toEqual({ code: 0, stdout: `${key.AccessKeyId}\nActive\nIsTruncated: false\n`, stderr: "" });
    expect(wire.requests.map((r) => r.params.Action)).toEqual(["ListAccessKeys"]);
  });
});

describe("iam-accountauditkeys", () => {
  it("lists every user's keys over every page, in ListUsers' order, with creation date and last use", async () => {
    const owned = new Map<string, AccessKey[]>();
    for (const [name, count] of [["ana", 1], ["bo", 0], ["cy", 2], ["di", 1]] as const) owned.set(name, await userWithKeys(name, count));
    await use(owned.get("cy")![1]);
    const users = (await moto.iam.listUsers({})).Users!.map((u) => u.UserName!);
    const expected: string[] = [];
    for (const user of users) {
      const listed = (await moto.iam.listAccessKeys({ UserName: user })).AccessKeyMetadata!;
      for (const key of listed) {
        const use = await lastUsed(key.AccessKeyId!);
        const when = use.LastUsedDate ? `${use.LastUsedDate.toISOString()} ${use.ServiceName} ${use.Region}` : "never";
        expected.push([user, key.AccessKeyId, "Active", key.CreateDate!.toISOString(), when].join("\t"));
      }
    }
    const res = await wire.run("iam-accountauditkeys", ["-i", "1"]);
    expect(res).toEqual({ code: 0, stdout: `${expected.join("\n")}\nIsTruncated: false\n`, stderr: "" });
    expect(expected).toHaveLength(4);
    // -i 1: one user per ListUsers page, so every page was read.
    expect(wire.requests.filter((r) => r.params.Action === "ListUsers")).toHaveLength(4);
  });

  it("with --older-than and --unused-for, keys made and used today are no findings", async () => {
    const [used] = await userWithKeys("fresh", 2);
    await use(used);
    expect(await cli("iam-accountauditkeys", "--older-than", "1", "--unused-for", "1")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("--older-than and --unused-for name each finding; --json carries them", async () => {
    const [old, oldUsed] = await userWithKeys("old", 2);
    await use(oldUsed);
    // Keys made today cannot be old: IAM's answer for "old" says they were created on 2020-01-01.
    const created = new Date("2020-01-01T00:00:00Z");
    const member = (id: string) => `<member><UserName>old</UserName><AccessKeyId>${id}</AccessKeyId><Status>Active</Status><CreateDate>${created.toISOString()}</CreateDate></member>`;
    const oldIds = (await moto.iam.listAccessKeys({ UserName: "old" })).AccessKeyMetadata!.map((k) => k.AccessKeyId!);
    wire.stub("ListAccessKeys", {
      status: 200,
      body:
        '<ListAccessKeysResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListAccessKeysResult><AccessKeyMetadata>' +
        oldIds.map(member).join("") +
        "</AccessKeyMetadata><IsTruncated>false</IsTruncated></ListAccessKeysResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListAccessKeysResponse>",
    });
    const age = Math.floor((Date.now() - created.getTime()) / 86_400_000);
    const res = await wire.run("iam-accountauditkeys", ["--older-than", "90", "--unused-for", "30", "--json"]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const audit = JSON.parse(res.stdout).AccessKeys as { UserName: string; AccessKeyId: string; Findings: string[] }[];
    const findings = Object.fromEntries(audit.map((k) => [k.AccessKeyId, k.Findings]));
    expect(audit.map((k) => k.UserName)).toEqual(["old", "old"]);
    expect(findings).toEqual({
      [old.AccessKeyId!]: [`created ${age} days ago`, `never used in ${age} days`],
      [oldUsed.AccessKeyId!]: [`created ${age} days ago`],
    });
  });

  it("refuses a limit that is not a positive whole number before any request", async () => {
    await wire.expectRefused("iam-accountauditkeys", ["--unused-for", "ninety"], '--unused-for must be a positive whole number, not "ninety"');
  });
});
