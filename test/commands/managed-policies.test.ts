import { describe, expect, it } from "vitest";
import { asAdminDenied, useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });
const ARN = (name: string, path = "/") => `arn:aws:iam::123456789012:policy${path}${name}`;

const ALLOW_S3 = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
const DENY_IAM = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}';

/** A hand-written, multi-line policy as it would sit in a file. */
const READ_REPORTS = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": "arn:aws:s3:::reports/*"
    }
  ]
}
`;

async function seedPolicy(name: string, document = ALLOW_S3, path?: string): Promise<string> {
  return (await moto.iam.createPolicy({ PolicyName: name, PolicyDocument: document, Path: path })).Policy!.Arn!;
}

const policyArns = async () => ((await moto.iam.listPolicies({ Scope: "Local" })).Policies ?? []).map((p) => p.Arn);

async function versionDocument(arn: string, versionId: string): Promise<string> {
  const { PolicyVersion } = await moto.iam.getPolicyVersion({ PolicyArn: arn, VersionId: versionId });
  return decodeURIComponent(PolicyVersion!.Document!);
}

const versions = async (arn: string) =>
  ((await moto.iam.listPolicyVersions({ PolicyArn: arn })).Versions ?? []).map((v) => `${v.VersionId}${v.IsDefaultVersion ? "*" : ""}`);

/** Attaches the policy to a new user, group and role each. */
async function attachEverywhere(arn: string) {
  await moto.iam.createUser({ UserName: "david" });
  await moto.iam.createGroup({ GroupName: "Admin" });
  await moto.iam.createRole({ RoleName: "webapp", AssumeRolePolicyDocument: ALLOW_S3 });
  await moto.iam.attachUserPolicy({ UserName: "david", PolicyArn: arn });
  await moto.iam.attachGroupPolicy({ GroupName: "Admin", PolicyArn: arn });
  await moto.iam.attachRolePolicy({ RoleName: "webapp", PolicyArn: arn });
}

describe("iam-policycreate", () => {
  it("-f with --path, --description, --tag and -v prints ARN then id and stores the file as written", async () => {
    const file = writeTestFile(moto, "read-reports.json", READ_REPORTS);
    const res = await cli(
      "iam-policycreate",
      "-p", "ReadReports", "-f", file, "--path", "/reports/", "--description", "read the reports bucket", "--tag", "team=ops", "-v",
    );
    const { Policy } = await moto.iam.getPolicy({ PolicyArn: ARN("ReadReports", "/reports/") });
    expect(res).toEqual({ code: 0, stdout: `${ARN("ReadReports", "/reports/")}\n${Policy!.PolicyId}\n`, stderr: "" });
    expect(Policy).toMatchObject({ Path: "/reports/", Description: "read the reports bucket", Tags: [{ Key: "team", Value: "ops" }] });
    expect(await versionDocument(Policy!.Arn!, "v1")).toBe(READ_REPORTS);
  });

  it("-o without -v prints nothing and creates the policy under /", async () => {
    expect(await cli("iam-policycreate", "-p", "S3All", "-o", ALLOW_S3)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await policyArns()).toEqual([ARN("S3All")]);
    expect(await versionDocument(ARN("S3All"), "v1")).toBe(ALLOW_S3);
  });

  it("-e -a -r builds one statement with every action and resource, in order", async () => {
    const res = await cli("iam-policycreate", "-p", "Reports", "-e", "Allow", "-a", "s3:GetObject", "-a", "s3:ListBucket", "-r", "arn:aws:s3:::reports", "-r", "arn:aws:s3:::reports/*");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await versionDocument(ARN("Reports"), "v1")).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"]}]}',
    );
  });

  it("refuses a missing, doubled or incomplete policy source before sending anything", async () => {
    const usage = (stderr: string) => ({ code: 2, stdout: "", stderr: `iam-policycreate: ${stderr}\n` });
    expect(await cli("iam-policycreate", "-p", "P")).toEqual(
      usage("a policy document is required: -f FILE, -o TEXT or -e EFFECT -a ACTION -r RESOURCE"),
    );
    expect(await cli("iam-policycreate", "-p", "P", "-o", ALLOW_S3, "-e", "Allow", "-a", "s3:*", "-r", "*")).toEqual(
      usage("give the policy one way only: -f FILE, -o TEXT or -e/-a/-r"),
    );
    expect(await cli("iam-policycreate", "-p", "P", "-e", "Allow", "-a", "s3:*")).toEqual(
      usage("the simple policy form needs all of -e EFFECT, -a ACTION and -r RESOURCE"),
    );
    expect(await policyArns()).toEqual([]);
  });

  it("refuses a bad name, description, effect or document before sending anything", async () => {
    expect(await cli("iam-policycreate", "-p", "bad name!", "-o", ALLOW_S3)).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-policycreate: invalid policy name "bad name!": use only letters, digits and + = , . @ _ -\n',
    });
    expect((await cli("iam-policycreate", "-p", "P", "-o", ALLOW_S3, "--description", "x".repeat(1001))).stderr).toBe(
      "iam-policycreate: description is longer than 1000 characters\n",
    );
    expect((await cli("iam-policycreate", "-p", "P", "-e", "allow", "-a", "s3:*", "-r", "*")).stderr).toBe(
      'iam-policycreate: invalid value "allow" for -e: expected Allow or Deny\n',
    );
    expect((await cli("iam-policycreate", "-p", "P", "-o", '{"Version": "2012-10-17",}')).stderr).toBe(
      "iam-policycreate: policy given with -o line 1, column 26: not valid JSON: property name expected\n",
    );
    expect(await policyArns()).toEqual([]);
  });

  it("a name already taken is IAM's EntityAlreadyExists (exit 1)", async () => {
    await seedPolicy("S3All");
    expect(await cli("iam-policycreate", "-p", "S3All", "-o", DENY_IAM)).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-policycreate: error (EntityAlreadyExists): A policy called S3All already exists. Duplicate names are not allowed.\n",
    });
    expect(await versionDocument(ARN("S3All"), "v1")).toBe(ALLOW_S3);
  });
});

describe("iam-policydel", () => {
  it("without -r deletes the policy", async () => {
    const arn = await seedPolicy("S3All");
    expect(await cli("iam-policydel", "-a", arn)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await policyArns()).toEqual([]);
  });

  it("-r -p prints the users, groups, roles and non-default versions, and changes nothing", async () => {
    const arn = await seedPolicy("S3All");
    await attachEverywhere(arn);
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM });
    expect(await cli("iam-policydel", "-a", arn, "-r", "-p")).toEqual({
      code: 0,
      stdout: "users\n\tdavid\ngroups\n\tAdmin\nroles\n\twebapp\nversions\n\tv1\n\tv3\n",
      stderr: "",
    });
    expect(await versions(arn)).toEqual(["v1", "v2*", "v3"]);
    expect((await moto.iam.getPolicy({ PolicyArn: arn })).Policy?.AttachmentCount).toBe(3);
  });

  it("-r detaches the policy everywhere and deletes its other versions, then the policy", async () => {
    const arn = await seedPolicy("S3All");
    await attachEverywhere(arn);
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    expect(await cli("iam-policydel", "-a", arn, "-r")).toEqual({ code: 0, stdout: "", stderr: "" });
    // moto would delete an attached policy anyway and leave the attachments dangling: check them.
    expect((await moto.iam.listAttachedUserPolicies({ UserName: "david" })).AttachedPolicies).toEqual([]);
    expect((await moto.iam.listAttachedGroupPolicies({ GroupName: "Admin" })).AttachedPolicies).toEqual([]);
    expect((await moto.iam.listAttachedRolePolicies({ RoleName: "webapp" })).AttachedPolicies).toEqual([]);
    expect(await policyArns()).toEqual([]);
  });

  it("-r reports what was removed and what remains when a step is denied", async () => {
    const arn = await seedPolicy("S3All");
    await attachEverywhere(arn);
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    await asAdminDenied(moto, ["iam:DeletePolicyVersion"], async (env) => {
      const res = await runCli("iam-policydel", ["-a", arn, "-r"], { env });
      expect(res.code).toBe(1);
      const lines = res.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^iam-policydel: error \(AccessDenied\): .*DeletePolicyVersion/);
      expect(lines.slice(1)).toEqual([
        "iam-policydel: removed: attachment to user david, attachment to group Admin, attachment to role webapp",
        `iam-policydel: remains: version v1, policy ${arn}`,
      ]);
    });
    expect(await versions(arn)).toEqual(["v1", "v2*"]);
    expect((await moto.iam.listAttachedUserPolicies({ UserName: "david" })).AttachedPolicies).toEqual([]);
  });

  it("-p without -r, or a malformed ARN, is a usage error and sends nothing", async () => {
    const arn = await seedPolicy("S3All");
    expect(await cli("iam-policydel", "-a", arn, "-p")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-policydel: -p (pretend) can only be used with -r\n",
    });
    expect(await cli("iam-policydel", "-a", "S3All")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-policydel: invalid policy ARN "S3All": expected arn:aws:iam::<account>:policy/<name>\n',
    });
    expect(await policyArns()).toEqual([arn]);
  });

  it("a policy that does not exist is IAM's NoSuchEntity (exit 1)", async () => {
    expect(await cli("iam-policydel", "-a", ARN("nope"))).toEqual({
      code: 1,
      stdout: "",
      stderr: `iam-policydel: error (NoSuchEntity): Policy ${ARN("nope")} not found\n`,
    });
  });
});

describe("iam-policygetattributes", () => {
  it("prints ARN, id, the default version and the attachment count", async () => {
    const arn = await seedPolicy("S3All", ALLOW_S3, "/app/");
    await attachEverywhere(arn);
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    const { Policy } = await moto.iam.getPolicy({ PolicyArn: arn });
    expect(await cli("iam-policygetattributes", "-a", arn)).toEqual({
      code: 0,
      stdout: `${ARN("S3All", "/app/")}\n${Policy!.PolicyId}\nDefaultVersionId: v2\nAttachmentCount: 3\n`,
      stderr: "",
    });
  });

  it("requires -a", async () => {
    expect(await cli("iam-policygetattributes")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-policygetattributes: missing required option -a POLICYARN (the ARN of the managed policy)\n",
    });
  });
});

describe("iam-policylistbypath", () => {
  it("lists the account's policy ARNs then IsTruncated: false, filtered by path prefix", async () => {
    await seedPolicy("a", ALLOW_S3, "/app/");
    await seedPolicy("b");
    await seedPolicy("c", ALLOW_S3, "/app/web/");
    expect(await cli("iam-policylistbypath")).toEqual({
      code: 0,
      stdout: `${ARN("a", "/app/")}\n${ARN("b")}\n${ARN("c", "/app/web/")}\nIsTruncated: false\n`,
      stderr: "",
    });
    expect((await cli("iam-policylistbypath", "-p", "/app/")).stdout).toBe(`${ARN("a", "/app/")}\n${ARN("c", "/app/web/")}\nIsTruncated: false\n`);
  });

  it("--only-attached leaves out policies attached nowhere; -s AWS lists none of the account's", async () => {
    const arn = await seedPolicy("used");
    await seedPolicy("unused");
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.attachUserPolicy({ UserName: "david", PolicyArn: arn });
    expect((await cli("iam-policylistbypath", "--only-attached")).stdout).toBe(`${arn}\nIsTruncated: false\n`);
    // moto loads no AWS managed policies, so the AWS scope is empty there.
    expect(await cli("iam-policylistbypath", "-s", "AWS")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("follows every page: 101 policies come back in two pages of ListPolicies", async () => {
    const names = Array.from({ length: 101 }, (_, i) => `p${String(i).padStart(3, "0")}`);
    for (const name of names) await seedPolicy(name);
    const res = await cli("iam-policylistbypath", "-d", "-i", "100");
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`${names.map((n) => ARN(n)).join("\n")}\nIsTruncated: false\n`);
    expect(res.stderr.split("\n").filter((l) => l.includes("ListPolicies"))).toHaveLength(2);
  });

  it("refuses an unknown scope before sending anything", async () => {
    expect(await cli("iam-policylistbypath", "-s", "local")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-policylistbypath: invalid value "local" for -s: expected Local or AWS or All\n',
    });
  });
});

describe("iam-policylistentities", () => {
  it("prints the users, groups and roles sections with the names below each", async () => {
    const arn = await seedPolicy("S3All");
    await attachEverywhere(arn);
    await moto.iam.createUser({ UserName: "anne" });
    await moto.iam.attachUserPolicy({ UserName: "anne", PolicyArn: arn });
    expect(await cli("iam-policylistentities", "-a", arn)).toEqual({
      code: 0,
      stdout: "users\n\tdavid\n\tanne\ngroups\n\tAdmin\nroles\n\twebapp\n",
      stderr: "",
    });
  });

  it("prints all three headers for a policy attached nowhere", async () => {
    const arn = await seedPolicy("S3All");
    expect((await cli("iam-policylistentities", "-a", arn)).stdout).toBe("users\ngroups\nroles\n");
  });

  it("refuses a malformed ARN", async () => {
    expect(await cli("iam-policylistentities", "-a", "arn:aws:iam::123456789012:user/david")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-policylistentities: invalid policy ARN "arn:aws:iam::123456789012:user/david": expected arn:aws:iam::<account>:policy/<name>\n',
    });
  });
});

describe("iam-policycreateversion", () => {
  it("prints the new version id; the old version stays the default without --set-as-default", async () => {
    const arn = await seedPolicy("S3All");
    expect(await cli("iam-policycreateversion", "-a", arn, "-o", DENY_IAM)).toEqual({ code: 0, stdout: "v2\n", stderr: "" });
    expect(await versions(arn)).toEqual(["v1*", "v2"]);
    expect(await versionDocument(arn, "v2")).toBe(DENY_IAM);
  });

  it("--set-as-default puts the new version in force; -f - reads standard input", async () => {
    const arn = await seedPolicy("S3All");
    const res = await runCli("iam-policycreateversion", ["-a", arn, "-f", "-", "--set-as-default"], { env: moto.env, stdin: READ_REPORTS });
    expect(res).toEqual({ code: 0, stdout: "v2\n", stderr: "" });
    expect(await versions(arn)).toEqual(["v1", "v2*"]);
    expect(await versionDocument(arn, "v2")).toBe(READ_REPORTS);
  });

  it("a sixth version is IAM's LimitExceeded (exit 1)", async () => {
    const arn = await seedPolicy("S3All");
    for (let i = 0; i < 4; i++) await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: ALLOW_S3 });
    const res = await cli("iam-policycreateversion", "-a", arn, "-o", DENY_IAM);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-policycreateversion: error \(LimitExceeded\): A managed policy can have up to 5 versions\..*\n$/);
    expect(await versions(arn)).toHaveLength(5);
  });

  it("requires a document and refuses one that is not JSON, before sending anything", async () => {
    const arn = await seedPolicy("S3All");
    expect(await cli("iam-policycreateversion", "-a", arn)).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-policycreateversion: a policy document is required: -f FILE or -o TEXT\n",
    });
    expect((await cli("iam-policycreateversion", "-a", arn, "-f", "missing.json")).stderr).toBe(
      "iam-policycreateversion: policy file missing.json does not exist\n",
    );
    expect(await versions(arn)).toEqual(["v1*"]);
  });
});

describe("iam-policylistversions", () => {
  it("prints one version id per line, the default one marked, then IsTruncated: false", async () => {
    const arn = await seedPolicy("S3All");
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: ALLOW_S3 });
    expect(await cli("iam-policylistversions", "-a", arn)).toEqual({
      code: 0,
      stdout: "v1\nv2 default\nv3\nIsTruncated: false\n",
      stderr: "",
    });
  });

  it("refuses an ARN whose account is not 12 digits", async () => {
    expect(await cli("iam-policylistversions", "-a", "arn:aws:iam::123:policy/x")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-policylistversions: invalid policy ARN "arn:aws:iam::123:policy/x": expected arn:aws:iam::<account>:policy/<name>\n',
    });
  });
});

describe("iam-policygetversion", () => {
  it("-s prints that version's document line for line as stored", async () => {
    const arn = await seedPolicy("Reports", READ_REPORTS);
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    expect(await cli("iam-policygetversion", "-a", arn, "-s", "v1")).toEqual({ code: 0, stdout: READ_REPORTS, stderr: "" });
  });

  it("without -s prints the default version; --json shows it decoded", async () => {
    const arn = await seedPolicy("Reports", READ_REPORTS);
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    expect(await cli("iam-policygetversion", "-a", arn)).toEqual({ code: 0, stdout: `${DENY_IAM}\n`, stderr: "" });
    const json = JSON.parse((await cli("iam-policygetversion", "-a", arn, "--json")).stdout);
    expect(json.PolicyVersion).toMatchObject({ VersionId: "v2", IsDefaultVersion: true, Document: DENY_IAM });
  });

  it("refuses a version id that is not v and a number", async () => {
    const arn = await seedPolicy("S3All");
    expect(await cli("iam-policygetversion", "-a", arn, "-s", "2")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-policygetversion: invalid policy version id "2": expected v and a number, such as v2\n',
    });
  });

  it("a version that does not exist is IAM's NoSuchEntity (exit 1)", async () => {
    const arn = await seedPolicy("S3All");
    expect(await cli("iam-policygetversion", "-a", arn, "-s", "v9")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-policygetversion: error (NoSuchEntity): Policy version not found\n",
    });
  });
});

describe("iam-policysetdefaultversion", () => {
  it("puts the version in force and prints nothing", async () => {
    const arn = await seedPolicy("S3All");
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    expect(await cli("iam-policysetdefaultversion", "-a", arn, "-s", "v1")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await versions(arn)).toEqual(["v1*", "v2"]);
  });

  it("requires -s and checks it before sending anything", async () => {
    const arn = await seedPolicy("S3All");
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM, SetAsDefault: true });
    expect(await cli("iam-policysetdefaultversion", "-a", arn)).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-policysetdefaultversion: missing required option -s VERSIONID (the version to put in force, such as v2)\n",
    });
    expect((await cli("iam-policysetdefaultversion", "-a", arn, "-s", "V1")).stderr).toBe(
      'iam-policysetdefaultversion: invalid policy version id "V1": expected v and a number, such as v2\n',
    );
    expect(await versions(arn)).toEqual(["v1", "v2*"]);
  });
});

describe("iam-policydelversion", () => {
  it("deletes a non-default version and prints nothing", async () => {
    const arn = await seedPolicy("S3All");
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM });
    expect(await cli("iam-policydelversion", "-a", arn, "-s", "v2")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await versions(arn)).toEqual(["v1*"]);
  });

  it("the default version is IAM's DeleteConflict (exit 1)", async () => {
    const arn = await seedPolicy("S3All");
    expect(await cli("iam-policydelversion", "-a", arn, "-s", "v1")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-policydelversion: error (DeleteConflict): Cannot delete the default version of a policy.\n",
    });
    expect(await versions(arn)).toEqual(["v1*"]);
  });

  it("refuses a malformed version id before sending anything", async () => {
    const arn = await seedPolicy("S3All");
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: DENY_IAM });
    expect(await cli("iam-policydelversion", "-a", arn, "-s", "v0")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-policydelversion: invalid policy version id "v0": expected v and a number, such as v2\n',
    });
    expect(await versions(arn)).toEqual(["v1*", "v2"]);
  });
});
