import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire, verifySignature } from "../harness/wire.js";

const moto = useMoto();
/** moto lacks ListInstanceProfileTags: that command's request is checked on the wire. */
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });

const POLICY_ARN = "arn:aws:iam::123456789012:policy/s3-read";
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

interface Kind {
  /** The noun in the command names (iam-<noun>tag). */
  noun: string;
  /** The option that names the entity, and the entity's name or ARN. */
  entity: [string, string];
  create(tags?: { Key: string; Value: string }[]): Promise<unknown>;
  /** The entity's tags as the server holds them. */
  tags(): Promise<{ Key?: string; Value?: string }[] | undefined>;
}

const KINDS: Kind[] = [
  {
    noun: "user",
    entity: ["-u", "david"],
    create: (Tags) => moto.iam.createUser({ UserName: "david", Tags }),
    tags: async () => (await moto.iam.listUserTags({ UserName: "david" })).Tags,
  },
  {
    noun: "role",
    entity: ["-r", "web"],
    create: (Tags) => moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, Tags }),
    tags: async () => (await moto.iam.listRoleTags({ RoleName: "web" })).Tags,
  },
  {
    noun: "policy",
    entity: ["-a", POLICY_ARN],
    create: (Tags) =>
      moto.iam.createPolicy({
        PolicyName: "s3-read",
        PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}',
        Tags,
      }),
    tags: async () => (await moto.iam.listPolicyTags({ PolicyArn: POLICY_ARN })).Tags,
  },
  {
    noun: "instanceprofile",
    entity: ["-s", "web"],
    create: (Tags) => moto.iam.createInstanceProfile({ InstanceProfileName: "web", Tags }),
    // moto has no ListInstanceProfileTags; GetInstanceProfile carries the tags.
    tags: async () => (await moto.iam.getInstanceProfile({ InstanceProfileName: "web" })).InstanceProfile?.Tags,
  },
];

describe.each(KINDS)("tags on a $noun", ({ noun, entity, create, tags }) => {
  const tag = `iam-${noun}tag`;
  const untag = `iam-${noun}untag`;

  it(`${tag} adds tags, replaces the value of a key already there, and prints nothing`, async () => {
    await create([{ Key: "team", Value: "dev" }]);
    const res = await cli(tag, ...entity, "-t", "cost center=42", "-t", "team=ops", "-t", "note=a=b");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    const byKey = Object.fromEntries((await tags())!.map((t) => [t.Key, t.Value]));
    expect(byKey).toEqual({ team: "ops", "cost center": "42", note: "a=b" });
  });

  it(`${tag} checks the tags itself and sends nothing when one is wrong`, async () => {
    await create([{ Key: "team", Value: "dev" }]);
    expect(await cli(tag, ...entity, "-t", "bad key!#=x")).toEqual({
      code: 2,
      stdout: "",
      stderr: `${tag}: invalid tag key "bad key!#": up to 128 letters, digits, spaces and _ . : / = + - @\n`,
    });
    expect(await cli(tag, ...entity, "-t", "Team=a", "-t", "team=b")).toEqual({
      code: 2,
      stdout: "",
      stderr: `${tag}: tag key "team" is given twice\n`,
    });
    const fiftyOne = Array.from({ length: 51 }, (_, i) => ["-t", `k${i}=v`]).flat();
    expect((await cli(tag, ...entity, ...fiftyOne)).stderr).toBe(`${tag}: too many tags: 51 given, IAM allows 50\n`);
    expect((await cli(tag, ...entity)).stderr).toBe(
      `${tag}: missing required option -t KEY=VALUE (a tag to add, or the new value for a key already there)\n`,
    );
    expect(await tags()).toEqual([{ Key: "team", Value: "dev" }]);
  });

  it(`${untag} removes the given keys and leaves the others; a key not there is no error`, async () => {
    await create([
      { Key: "team", Value: "ops" },
      { Key: "cost center", Value: "42" },
      { Key: "env", Value: "prod" },
    ]);
    const res = await cli(untag, ...entity, "-k", "team", "--tag-key", "cost center", "-k", "absent");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await tags()).toEqual([{ Key: "env", Value: "prod" }]);
  });

  it(`${untag} refuses an empty or invalid key, and a call without -k, sending nothing`, async () => {
    await create([{ Key: "team", Value: "ops" }]);
    expect(await cli(untag, ...entity, "-k", "")).toEqual({
      code: 2,
      stdout: "",
      stderr: `${untag}: invalid tag key: it must not be empty\n`,
    });
    expect((await cli(untag, ...entity, "-k", "team", "-k", "no*star")).stderr).toBe(
      `${untag}: invalid tag key "no*star": up to 128 letters, digits, spaces and _ . : / = + - @\n`,
    );
    expect((await cli(untag, ...entity)).stderr).toBe(
      `${untag}: missing required option -k KEY (the key of a tag to remove)\n`,
    );
    const fiftyOne = Array.from({ length: 51 }, (_, i) => ["-k", `k${i}`]).flat();
    expect((await cli(untag, ...entity, ...fiftyOne)).stderr).toBe(`${untag}: too many tag keys: 51 given, IAM takes 50 at a time\n`);
    expect(await tags()).toEqual([{ Key: "team", Value: "ops" }]);
  });
});

describe.each(KINDS.filter((k) => k.noun !== "instanceprofile"))("listing the tags of a $noun", ({ noun, entity, create }) => {
  const listtags = `iam-${noun}listtags`;

  // Seeded in key order: moto returns role and policy tags sorted by key, user tags as added.
  it(`${listtags} prints KEY=VALUE per tag, then the trailer`, async () => {
    await create([
      { Key: "cost center", Value: "42" },
      { Key: "empty", Value: "" },
      { Key: "team", Value: "ops=yes" },
    ]);
    expect(await cli(listtags, ...entity)).toEqual({
      code: 0,
      stdout: "cost center=42\nempty=\nteam=ops=yes\nIsTruncated: false\n",
      stderr: "",
    });
  });

  it(`${listtags} prints only the trailer for an entity without tags`, async () => {
    await create();
    expect(await cli(listtags, ...entity)).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it(`${listtags} --json prints the tags`, async () => {
    await create([{ Key: "team", Value: "ops" }]);
    const res = await cli(listtags, ...entity, "--json");
    expect(JSON.parse(res.stdout)).toEqual({ Tags: [{ Key: "team", Value: "ops" }] });
  });

  it(`${listtags} on a missing ${noun} is IAM's NoSuchEntity, exit 1`, async () => {
    const res = await cli(listtags, ...entity);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(new RegExp(`^${listtags}: error \\(NoSuchEntity\\): `));
  });
});

describe("entity options of the tag commands", () => {
  it("refuse an invalid entity name or ARN before sending anything", async () => {
    expect(await cli("iam-userlisttags", "-u", "bad name")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userlisttags: invalid user name "bad name": use only letters, digits and + = , . @ _ -\n',
    });
    expect((await cli("iam-rolelisttags", "-r", "x".repeat(65))).stderr).toBe(
      `iam-rolelisttags: invalid role name "${"x".repeat(65)}": must be 1 to 64 characters\n`,
    );
    expect((await cli("iam-policylisttags", "-a", "s3-read")).stderr).toBe(
      'iam-policylisttags: invalid policy ARN "s3-read": expected arn:aws:iam::<account>:policy/<name>\n',
    );
    expect((await cli("iam-instanceprofilelisttags", "-s", "web/1")).stderr).toBe(
      'iam-instanceprofilelisttags: invalid instance profile name "web/1": use only letters, digits and + = , . @ _ -\n',
    );
  });

  it("tagging a user that does not exist is IAM's NoSuchEntity, exit 1", async () => {
    const res = await cli("iam-usertag", "-u", "ghost", "-t", "a=b");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-usertag: error \(NoSuchEntity\): /);
  });
});

describe("iam-instanceprofilelisttags", () => {
  it("sends ListInstanceProfileTags and prints only the trailer for an empty answer", async () => {
    wire.stub("ListInstanceProfileTags");
    const res = await wire.run("iam-instanceprofilelisttags", ["-s", "web"]);
    expect(res).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
    expect(wire.requests).toHaveLength(1);
    expect(wire.requests[0].params).toEqual({ Action: "ListInstanceProfileTags", Version: "2010-05-08", InstanceProfileName: "web" });
    const sig = await verifySignature(wire.requests[0], "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    expect(sig).toMatchObject({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", service: "iam" });
    expect(sig.recomputed).toBe(sig.signature);
  });

  it("refuses a missing -s, sending nothing", async () => {
    const res = await wire.run("iam-instanceprofilelisttags", []);
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-instanceprofilelisttags: missing required option -s INSTANCEPROFILENAME (the name of the instance profile)\n",
    });
    expect(wire.requests).toEqual([]);
  });
});
