import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const ARN = (name: string, path = "/") => `arn:aws:iam::123456789012:policy${path}${name}`;
const ALLOW_S3 = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';

async function seedPolicy(name: string, path?: string): Promise<string> {
  return (await moto.iam.createPolicy({ PolicyName: name, PolicyDocument: ALLOW_S3, Path: path })).Policy!.Arn!;
}

/**
 * The three kinds of entity, each with its flag, a seeded name, the messages it gets (moto words
 * them differently per kind) and moto calls to set up and read back.
 */
const KINDS = [
  {
    kind: "user",
    flag: "-u",
    name: "david",
    missing: "missing required option -u USERNAME (the name of the user)",
    badName: 'invalid user name "bad name!": use only letters, digits and + = , . @ _ -',
    notFound: "The user with name nobody cannot be found.",
    noPolicy: "does not exist or is not attachable.",
    create: () => moto.iam.createUser({ UserName: "david" }),
    attach: (PolicyArn: string) => moto.iam.attachUserPolicy({ UserName: "david", PolicyArn }),
    attached: async () => (await moto.iam.listAttachedUserPolicies({ UserName: "david" })).AttachedPolicies!.map((p) => p.PolicyArn),
  },
  {
    kind: "group",
    flag: "-g",
    name: "Admin",
    missing: "missing required option -g GROUPNAME (the name of the group)",
    badName: 'invalid group name "bad name!": use only letters, digits and + = , . @ _ -',
    notFound: "Group nobody not found",
    noPolicy: "was not found.",
    create: () => moto.iam.createGroup({ GroupName: "Admin" }),
    attach: (PolicyArn: string) => moto.iam.attachGroupPolicy({ GroupName: "Admin", PolicyArn }),
    attached: async () => (await moto.iam.listAttachedGroupPolicies({ GroupName: "Admin" })).AttachedPolicies!.map((p) => p.PolicyArn),
  },
  {
    kind: "role",
    flag: "-r",
    name: "webapp",
    missing: "missing required option -r ROLENAME (the name of the role)",
    badName: 'invalid role name "bad name!": use only letters, digits and + = , . @ _ -',
    notFound: "Role nobody not found",
    noPolicy: "does not exist or is not attachable.",
    create: () => moto.iam.createRole({ RoleName: "webapp", AssumeRolePolicyDocument: ALLOW_S3 }),
    attach: (PolicyArn: string) => moto.iam.attachRolePolicy({ RoleName: "webapp", PolicyArn }),
    attached: async () => (await moto.iam.listAttachedRolePolicies({ RoleName: "webapp" })).AttachedPolicies!.map((p) => p.PolicyArn),
  },
] as const;

describe.each(KINDS)("the $kind commands", (k) => {
  const attach = `iam-${k.kind}attachpolicy`;
  const detach = `iam-${k.kind}detachpolicy`;
  const list = `iam-${k.kind}listattachedpolicies`;

  describe(attach, () => {
    it("attaches the policy and prints nothing; attaching it again changes nothing", async () => {
      await k.create();
      const arn = await seedPolicy("S3All", "/app/");
      expect(await cli(attach, k.flag, k.name, "-a", arn)).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(await cli(attach, k.flag, k.name, "-a", arn)).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(await k.attached()).toEqual([arn]);
    });

    it("refuses a malformed ARN or entity name before sending anything", async () => {
      await k.create();
      expect(await cli(attach, k.flag, k.name, "-a", "S3All")).toEqual({
        code: 2,
        stdout: "",
        stderr: `${attach}: invalid policy ARN "S3All": expected arn:aws:iam::<account>:policy/<name>\n`,
      });
      expect(await cli(attach, k.flag, "bad name!", "-a", ARN("S3All"))).toEqual({ code: 2, stdout: "", stderr: `${attach}: ${k.badName}\n` });
      expect(await k.attached()).toEqual([]);
    });

    it("a policy that does not exist is IAM's NoSuchEntity (exit 1)", async () => {
      await k.create();
      expect(await cli(attach, k.flag, k.name, "-a", ARN("nope"))).toEqual({
        code: 1,
        stdout: "",
        stderr: `${attach}: error (NoSuchEntity): Policy ${ARN("nope")} ${k.noPolicy}\n`,
      });
    });
  });

  describe(detach, () => {
    it("detaches the policy, keeps it and the other attachments, and prints nothing", async () => {
      await k.create();
      const keep = await seedPolicy("Keep");
      const drop = await seedPolicy("Drop");
      await k.attach(keep);
      await k.attach(drop);
      expect(await cli(detach, k.flag, k.name, "-a", drop)).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(await k.attached()).toEqual([keep]);
      expect((await moto.iam.getPolicy({ PolicyArn: drop })).Policy?.AttachmentCount).toBe(0);
    });

    it("requires the entity option and sends nothing without it", async () => {
      await k.create();
      const arn = await seedPolicy("S3All");
      await k.attach(arn);
      expect(await cli(detach, "-a", arn)).toEqual({ code: 2, stdout: "", stderr: `${detach}: ${k.missing}\n` });
      expect(await k.attached()).toEqual([arn]);
    });

    it("a policy that is not attached is IAM's NoSuchEntity (exit 1)", async () => {
      await k.create();
      const arn = await seedPolicy("S3All");
      expect(await cli(detach, k.flag, k.name, "-a", arn)).toEqual({
        code: 1,
        stdout: "",
        stderr: `${detach}: error (NoSuchEntity): Policy ${arn} was not found.\n`,
      });
    });
  });

  describe(list, () => {
    it("prints the attached policies' ARNs then IsTruncated: false, filtered by path prefix", async () => {
      await k.create();
      const arns = [await seedPolicy("a", "/app/"), await seedPolicy("b"), await seedPolicy("c", "/app/web/")];
      await seedPolicy("unattached", "/app/");
      for (const arn of arns) await k.attach(arn);
      expect(await cli(list, k.flag, k.name)).toEqual({ code: 0, stdout: `${arns.join("\n")}\nIsTruncated: false\n`, stderr: "" });
      expect((await cli(list, k.flag, k.name, "-p", "/app/")).stdout).toBe(`${ARN("a", "/app/")}\n${ARN("c", "/app/web/")}\nIsTruncated: false\n`);
    });

    it("prints only the trailer when nothing is attached", async () => {
      await k.create();
      expect(await cli(list, k.flag, k.name)).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
    });

    it("refuses an invalid name before sending anything; an unknown one is NoSuchEntity", async () => {
      expect(await cli(list, k.flag, "bad name!")).toEqual({ code: 2, stdout: "", stderr: `${list}: ${k.badName}\n` });
      expect(await cli(list, k.flag, "nobody")).toEqual({
        code: 1,
        stdout: "",
        stderr: `${list}: error (NoSuchEntity): ${k.notFound}\n`,
      });
    });
  });
});

describe("iam-rolelistattachedpolicies", () => {
  it("follows every page: 101 attached policies come back in two pages", async () => {
    await moto.iam.createRole({ RoleName: "webapp", AssumeRolePolicyDocument: ALLOW_S3 });
    const arns: string[] = [];
    for (let i = 0; i < 101; i++) {
      const arn = await seedPolicy(`p${String(i).padStart(3, "0")}`);
      await moto.iam.attachRolePolicy({ RoleName: "webapp", PolicyArn: arn });
      arns.push(arn);
    }
    const res = await cli("iam-rolelistattachedpolicies", "-r", "webapp", "-d");
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`${arns.join("\n")}\nIsTruncated: false\n`);
    expect(res.stderr.split("\n").filter((l) => l.includes("ListAttachedRolePolicies"))).toHaveLength(2);
  });
});
