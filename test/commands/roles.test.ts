import { describe, expect, it } from "vitest";
import { asAdminDenied, useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });
const ROLE = (name: string, path = "/") => `arn:aws:iam::123456789012:role${path}${name}`;
const PROFILE = (name: string) => `arn:aws:iam::123456789012:instance-profile/${name}`;

/**
 * Bad input must fail before any request. Those runs go through the wire recorder, whose empty
 * request list proves that nothing at all was sent (not just that the server state is unchanged).
 */
const wire = useWire(moto);


/** The trust policy `-s ec2.amazonaws.com` builds, as the one JSON line it is stored as. */
const EC2_TRUST =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}';
const LAMBDA_TRUST =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}';

/** A hand-written trust policy as it would sit in a file: the account may assume the role. */
const ACCOUNT_TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
      "Action": "sts:AssumeRole"
    }
  ]
}
`;

const S3_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":["arn:aws:s3:::*"]}]}';
const DENY_IAM = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}';
const READ_LOGS = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::logs/*" }
  ]
}
`;

const createRole = (RoleName: string, Path?: string, AssumeRolePolicyDocument = EC2_TRUST) =>
  moto.iam.createRole({ RoleName, Path, AssumeRolePolicyDocument });
const getRole = async (RoleName: string) => (await moto.iam.getRole({ RoleName })).Role!;
const trustPolicy = async (RoleName: string) => decodeURIComponent((await getRole(RoleName)).AssumeRolePolicyDocument!);
/** Role ARNs in the order the server lists them (moto orders by role id, which is random), over every page. */
async function serverRoleArns(PathPrefix?: string): Promise<string[]> {
  const arns: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await moto.iam.listRoles({ PathPrefix, Marker });
    arns.push(...(page.Roles ?? []).map((r) => r.Arn!));
    Marker = page.IsTruncated ? page.Marker : undefined;
  } while (Marker);
  return arns;
}
const roleNames = async () => ((await moto.iam.listRoles({})).Roles ?? []).map((r) => r.RoleName).sort();
const rolePolicyNames = async (RoleName = "web") => (await moto.iam.listRolePolicies({ RoleName })).PolicyNames;
const rolePolicy = async (PolicyName: string, RoleName = "web") =>
  decodeURIComponent((await moto.iam.getRolePolicy({ RoleName, PolicyName })).PolicyDocument!);

async function seedRolePolicies(...policies: [name: string, document: string][]) {
  for (const [PolicyName, PolicyDocument] of policies) await moto.iam.putRolePolicy({ RoleName: "web", PolicyName, PolicyDocument });
}

describe("iam-rolecreate", () => {
  it("-s builds the service's trust policy; -v prints the ARN, the role id and that policy", async () => {
    const res = await cli("iam-rolecreate", "-r", "web", "-p", "/", "-s", "ec2.amazonaws.com", "-v");
    const role = await getRole("web");
    expect(res).toEqual({ code: 0, stdout: `${ROLE("web")}\n${role.RoleId}\n${EC2_TRUST}\n`, stderr: "" });
    expect(role.Arn).toBe(ROLE("web"));
    expect(await trustPolicy("web")).toBe(EC2_TRUST);
  });

  it("prints nothing without -v and creates the role under -p", async () => {
    expect(await cli("iam-rolecreate", "--role-name", "web", "--path", "/app/", "--service", "ec2.amazonaws.com")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const role = await getRole("web");
    expect(role.Path).toBe("/app/");
    expect(role.Arn).toBe(ROLE("web", "/app/"));
  });

  it("-f stores the file's trust policy as written; -v prints it line for line", async () => {
    writeTestFile(moto, "trust.json", ACCOUNT_TRUST);
    const res = await cli("iam-rolecreate", "-r", "admin", "-f", "trust.json", "-v");
    const role = await getRole("admin");
    expect(res).toEqual({ code: 0, stdout: `${ROLE("admin")}\n${role.RoleId}\n${ACCOUNT_TRUST}`, stderr: "" });
    expect(await trustPolicy("admin")).toBe(ACCOUNT_TRUST);
  });

  it("-f - reads the trust policy from standard input", async () => {
    const res = await runCli("iam-rolecreate", ["-r", "admin", "--trust-policy", "-"], { env: moto.env, stdin: ACCOUNT_TRUST });
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await trustPolicy("admin")).toBe(ACCOUNT_TRUST);
  });

  it("--tag and --permissions-boundary are stored with the role", async () => {
    const boundary = (await moto.iam.createPolicy({ PolicyName: "cap", PolicyDocument: S3_ALL })).Policy!.Arn!;
    const res = await cli(
      "iam-rolecreate", "-r", "web", "-s", "ec2.amazonaws.com",
      "--tag", "team=web", "--tag", "cost center=42", "--permissions-boundary", boundary,
    );
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    const stored = (await moto.iam.listRoleTags({ RoleName: "web" })).Tags ?? [];
    expect(stored.sort((a, b) => a.Key!.localeCompare(b.Key!))).toEqual([
      { Key: "cost center", Value: "42" },
      { Key: "team", Value: "web" },
    ]);
    expect((await getRole("web")).PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundary);
  });

  it("euare-rolecreate takes the role name as an argument", async () => {
    expect(await runCli("euare-rolecreate", ["web", "-s", "ec2.amazonaws.com"], { env: moto.env })).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(await roleNames()).toEqual(["web"]);
  });

  it("--json shows the new role with its trust policy decoded", async () => {
    const res = await cli("iam-rolecreate", "-r", "web", "-s", "ec2.amazonaws.com", "--json");
    expect(JSON.parse(res.stdout).Role).toMatchObject({ RoleName: "web", Arn: ROLE("web"), AssumeRolePolicyDocument: EC2_TRUST });
  });

  describe("refuses bad input before sending anything", () => {
    const cases: [what: string, setup: () => void, argv: string[], message: string][] = [
      ["neither -s nor -f", () => {}, ["-r", "web"], "a trust policy is required: -s SERVICE or -f FILE"],
      [
        "both -s and -f",
        () => writeTestFile(moto, "trust.json", ACCOUNT_TRUST),
        ["-r", "web", "-s", "ec2.amazonaws.com", "-f", "trust.json"],
        "give the trust policy with -s SERVICE or -f FILE, not both",
      ],
      [
        "a service that is not a principal name",
        () => {},
        ["-r", "web", "-s", "ec2"],
        'invalid service "ec2": expected a service principal such as ec2.amazonaws.com',
      ],
      [
        "a service with a space",
        () => {},
        ["-r", "web", "-s", "ec2 .amazonaws.com"],
        'invalid service "ec2 .amazonaws.com": expected a service principal such as ec2.amazonaws.com',
      ],
      ["no role name", () => {}, ["-s", "ec2.amazonaws.com"], "missing required option -r ROLENAME (the name of the role)"],
      [
        "an invalid role name",
        () => {},
        ["-r", "web server", "-s", "ec2.amazonaws.com"],
        'invalid role name "web server": use only letters, digits and + = , . @ _ -',
      ],
      [
        "a role name longer than 64 characters",
        () => {},
        ["-r", "r".repeat(65), "-s", "ec2.amazonaws.com"],
        `invalid role name "${"r".repeat(65)}": must be 1 to 64 characters`,
      ],
      ["an invalid path", () => {}, ["-r", "web", "-p", "app/", "-s", "ec2.amazonaws.com"], 'invalid path "app/": must begin and end with /'],
      ["a trust policy file that does not exist", () => {}, ["-r", "web", "-f", "missing.json"], "policy file missing.json does not exist"],
      [
        "a trust policy file that is not JSON",
        () => writeTestFile(moto, "broken.json", '{\n  "Version": "2012-10-17"\n  "Statement": []\n}\n'),
        ["-r", "web", "-f", "broken.json"],
        "policy file broken.json line 3, column 3: not valid JSON: comma expected",
      ],
      ["an invalid tag", () => {}, ["-r", "web", "-s", "ec2.amazonaws.com", "--tag", "team"], 'invalid tag "team": expected KEY=VALUE'],
      [
        "the same tag key twice",
        () => {},
        ["-r", "web", "-s", "ec2.amazonaws.com", "--tag", "team=a", "--tag", "Team=b"],
        'tag key "Team" is given twice',
      ],
      [
        "a permissions boundary that is not a policy ARN",
        () => {},
        ["-r", "web", "-s", "ec2.amazonaws.com", "--permissions-boundary", "cap"],
        'invalid policy ARN "cap": expected arn:aws:iam::<account>:policy/<name>',
      ],
    ];
    it.each(cases)("%s", async (_what, setup, argv, message) => {
      setup();
      await wire.expectRefused("iam-rolecreate", argv, message);
      expect(await roleNames()).toEqual([]);
    });
  });

  it("fails with IAM's EntityAlreadyExists for a name in use, leaving the role as it was", async () => {
    await createRole("web");
    const res = await cli("iam-rolecreate", "-r", "web", "-s", "lambda.amazonaws.com");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-rolecreate: error \(EntityAlreadyExists\): .*web.*\n$/);
    expect(await trustPolicy("web")).toBe(EC2_TRUST);
  });
});

describe("iam-rolegetattributes", () => {
  it("prints the ARN, the role id, then the trust policy as stored", async () => {
    await createRole("admin", "/ops/", ACCOUNT_TRUST);
    const role = await getRole("admin");
    expect(await cli("iam-rolegetattributes", "-r", "admin")).toEqual({
      code: 0,
      stdout: `${ROLE("admin", "/ops/")}\n${role.RoleId}\n${ACCOUNT_TRUST}`,
      stderr: "",
    });
  });

  it("euare-rolegetattributes takes the role name as an argument", async () => {
    await createRole("web");
    const role = await getRole("web");
    expect(await runCli("euare-rolegetattributes", ["web"], { env: moto.env })).toEqual({
      code: 0,
      stdout: `${ROLE("web")}\n${role.RoleId}\n${EC2_TRUST}\n`,
      stderr: "",
    });
  });

  it("--json shows the role with its trust policy decoded", async () => {
    await createRole("admin", undefined, ACCOUNT_TRUST);
    const doc = JSON.parse((await cli("iam-rolegetattributes", "-r", "admin", "--json")).stdout);
    expect(doc.Role).toMatchObject({ RoleName: "admin", Path: "/", AssumeRolePolicyDocument: ACCOUNT_TRUST });
  });

  it("refuses a missing or invalid role name before sending anything", async () => {
    await wire.expectRefused("iam-rolegetattributes", [], "missing required option -r ROLENAME (the name of the role)");
    await wire.expectRefused("iam-rolegetattributes", ["-r", "role/web"], 'invalid role name "role/web": use only letters, digits and + = , . @ _ -');
  });

  it("reports a role that does not exist with IAM's NoSuchEntity, exit 1", async () => {
    const res = await cli("iam-rolegetattributes", "-r", "nobody");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-rolegetattributes: error \(NoSuchEntity\): .*nobody.*\n$/);
  });
});

describe("iam-rolelistbypath", () => {
  it("lists every role's ARN, then the trailer", async () => {
    await createRole("web");
    await createRole("admin", "/ops/");
    const arns = await serverRoleArns();
    expect([...arns].sort()).toEqual([ROLE("admin", "/ops/"), ROLE("web")]);
    expect(await cli("iam-rolelistbypath")).toEqual({
      code: 0,
      stdout: `${arns.join("\n")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("-p keeps only the roles under the prefix", async () => {
    await createRole("web");
    await createRole("admin", "/ops/");
    await createRole("backup", "/ops/nightly/");
    await createRole("sales", "/opsec/");
    const arns = await serverRoleArns("/ops/");
    expect([...arns].sort()).toEqual([ROLE("admin", "/ops/"), ROLE("backup", "/ops/nightly/")]);
    expect(await cli("iam-rolelistbypath", "-p", "/ops/")).toEqual({
      code: 0,
      stdout: `${arns.join("\n")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer when there are no roles, and nothing under the euare- name (as euca2ools did)", async () => {
    expect(await runCli("iam-rolelistbypath", [], { env: moto.env })).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
    expect(await runCli("euare-rolelistbypath", [], { env: moto.env })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("follows the Marker over every page (moto pages ListRoles by 100)", async () => {
    const names = Array.from({ length: 102 }, (_, i) => `role${String(i).padStart(3, "0")}`);
    for (const name of names) await createRole(name);
    const res = await runCli("iam-rolelistbypath", ["-d", "-i", "100"], { env: moto.env });
    expect(res.code).toBe(0);
    const arns = await serverRoleArns();
    expect([...arns].sort()).toEqual(names.map((n) => ROLE(n)));
    expect(res.stdout).toBe(`${arns.join("\n")}\nIsTruncated: false\n`);
    expect(res.stderr.match(/debug: ListRoles HTTP 200/g)).toHaveLength(2);
  });

  it("--json prints the roles", async () => {
    await createRole("web");
    const res = await cli("iam-rolelistbypath", "--json");
    expect(JSON.parse(res.stdout).Roles.map((r: { Arn: string }) => r.Arn)).toEqual([ROLE("web")]);
  });

  it("refuses a prefix that does not start with / and a stray argument, sending nothing", async () => {
    await wire.expectRefused("iam-rolelistbypath", ["-p", "ops/"], 'invalid path "ops/": must begin and end with /');
    await wire.expectRefused(
      "euare-rolelistbypath",
      ["/ops/"],
      "unexpected argument; every value belongs to an option (quote values with spaces); see euare-rolelistbypath -h",
    );
  });
});

describe("iam-roleupdateassumepolicy", () => {
  it("-s replaces the trust policy with the service's and prints nothing", async () => {
    await createRole("web");
    expect(await cli("iam-roleupdateassumepolicy", "-r", "web", "-s", "lambda.amazonaws.com")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(await trustPolicy("web")).toBe(LAMBDA_TRUST);
  });

  it("-o prints the generated policy that was sent", async () => {
    await createRole("web");
    expect(await cli("iam-roleupdateassumepolicy", "-r", "web", "--service", "lambda.amazonaws.com", "-o")).toEqual({
      code: 0,
      stdout: `${LAMBDA_TRUST}\n`,
      stderr: "",
    });
    expect(await trustPolicy("web")).toBe(LAMBDA_TRUST);
  });

  it("-f stores the file's policy as written; -o prints it line for line", async () => {
    await createRole("web");
    writeTestFile(moto, "trust.json", ACCOUNT_TRUST);
    expect(await cli("iam-roleupdateassumepolicy", "-r", "web", "-f", "trust.json", "-o")).toEqual({
      code: 0,
      stdout: ACCOUNT_TRUST,
      stderr: "",
    });
    expect(await trustPolicy("web")).toBe(ACCOUNT_TRUST);
  });

  it("euare-roleupdateassumepolicy takes the role name as an argument and -f - reads stdin", async () => {
    await createRole("web");
    const res = await runCli("euare-roleupdateassumepolicy", ["web", "-f", "-"], { env: moto.env, stdin: ACCOUNT_TRUST });
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await trustPolicy("web")).toBe(ACCOUNT_TRUST);
  });

  describe("refuses bad input before sending anything", () => {
    const cases: [what: string, setup: () => void, argv: string[], message: string][] = [
      ["neither -s nor -f", () => {}, ["-o"], "a trust policy is required: -s SERVICE or -f FILE"],
      [
        "both -s and -f",
        () => writeTestFile(moto, "trust.json", ACCOUNT_TRUST),
        ["-s", "lambda.amazonaws.com", "-f", "trust.json"],
        "give the trust policy with -s SERVICE or -f FILE, not both",
      ],
      ["a service that is not a principal name", () => {}, ["-s", "lambda"], 'invalid service "lambda": expected a service principal such as ec2.amazonaws.com'],
      ["a directory as the policy file", () => {}, ["-f", "."], "policy file . is a directory"],
      [
        "a policy file with typographic quotes",
        () => writeTestFile(moto, "pasted.json", '{\n  \u201cVersion\u201d: "2012-10-17"\n}\n'),
        ["-f", "pasted.json"],
        `policy file pasted.json line 2, column 3: character U+201C is not allowed in a policy (typographic quotes or dashes? use plain ASCII " ' -)`,
      ],
    ];
    it.each(cases)("%s", async (_what, setup, argv, message) => {
      await createRole("web");
      setup();
      await wire.expectRefused("iam-roleupdateassumepolicy", ["-r", "web", ...argv], message);
      expect(await trustPolicy("web")).toBe(EC2_TRUST);
    });
  });

  it("reports a role that does not exist with IAM's NoSuchEntity, exit 1", async () => {
    const res = await cli("iam-roleupdateassumepolicy", "-r", "nobody", "-s", "ec2.amazonaws.com");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-roleupdateassumepolicy: error \(NoSuchEntity\): .*nobody.*\n$/);
  });
});

describe("iam-roledel", () => {
  /** A role in an instance profile, with an inline policy, an attached policy and a permissions boundary. */
  async function seedLoadedRole(RoleName = "myrole") {
    await createRole(RoleName);
    await moto.iam.createInstanceProfile({ InstanceProfileName: "webprofile" });
    await moto.iam.addRoleToInstanceProfile({ InstanceProfileName: "webprofile", RoleName });
    await moto.iam.putRolePolicy({ RoleName, PolicyName: "logs", PolicyDocument: READ_LOGS });
    await moto.iam.putRolePolicy({ RoleName, PolicyName: "s3", PolicyDocument: S3_ALL });
    const managed = (await moto.iam.createPolicy({ PolicyName: "managed", PolicyDocument: S3_ALL })).Policy!.Arn!;
    await moto.iam.attachRolePolicy({ RoleName, PolicyArn: managed });
    const boundary = (await moto.iam.createPolicy({ PolicyName: "cap", PolicyDocument: S3_ALL })).Policy!.Arn!;
    await moto.iam.putRolePermissionsBoundary({ RoleName, PermissionsBoundary: boundary });
    return { managed, boundary };
  }

  it("without -c deletes a bare role and prints nothing", async () => {
    await createRole("myrole");
    expect(await cli("iam-roledel", "-r", "myrole")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await roleNames()).toEqual([]);
  });

  it("without -c is refused by IAM while the role is in an instance profile (exit 1), changing nothing", async () => {
    await seedLoadedRole();
    expect(await cli("iam-roledel", "-r", "myrole")).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        "iam-roledel: error (DeleteConflict): Cannot delete entity, must remove roles from instance profile first.",
        "iam-roledel: role myrole still has 1 instance profile, 2 inline policies, 1 attached managed policy (delete them first, or use -c)",
        "",
      ].join("\n"),
    });
    expect(await roleNames()).toEqual(["myrole"]);
    expect(await rolePolicyNames("myrole")).toEqual(["logs", "s3"]);
  });

  it("-c -p lists the profiles (ARNs), policies and attached policies, not the boundary it leaves alone, and changes nothing", async () => {
    const { managed, boundary } = await seedLoadedRole();
    expect(await cli("iam-roledel", "-r", "myrole", "-c", "-p")).toEqual({
      code: 0,
      stdout: `instanceprofiles\n\t${PROFILE("webprofile")}\npolicies\n\tlogs\n\ts3\nattachedpolicies\n\t${managed}\n`,
      stderr: "",
    });
    expect(await roleNames()).toEqual(["myrole"]);
    expect((await moto.iam.getInstanceProfile({ InstanceProfileName: "webprofile" })).InstanceProfile?.Roles).toHaveLength(1);
    expect(await rolePolicyNames("myrole")).toEqual(["logs", "s3"]);
    expect((await getRole("myrole")).PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundary);
  });

  it("-c -p on a bare role prints euca2ools' two sections, empty", async () => {
    await createRole("myrole");
    expect(await cli("iam-roledel", "--role-name", "myrole", "--recursive", "--pretend")).toEqual({
      code: 0,
      stdout: "instanceprofiles\npolicies\n",
      stderr: "",
    });
    expect(await roleNames()).toEqual(["myrole"]);
  });

  it("euare-roledel myrole -c removes every dependent, then the role, leaving its boundary alone", async () => {
    const { managed } = await seedLoadedRole();
    await createRole("other");
    const res = await runCli("euare-roledel", ["myrole", "-c", "-d"], { env: moto.env });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe("");
    const sent = res.stderr
      .split("\n")
      .filter((l) => / HTTP \d+ \d+ ms$/.test(l))
      .map((l) => l.replace(/^euare-roledel: debug: /, "").replace(/ \d+ ms$/, ""));
    expect(sent.slice(0, 3).sort()).toEqual([
      "ListAttachedRolePolicies HTTP 200",
      "ListInstanceProfilesForRole HTTP 200",
      "ListRolePolicies HTTP 200",
    ]);
    // IAM does not require removing the boundary before DeleteRole.
    expect(sent.slice(3, -1).sort()).toEqual([
      "DeleteRolePolicy HTTP 200",
      "DeleteRolePolicy HTTP 200",
      "DetachRolePolicy HTTP 200",
      "RemoveRoleFromInstanceProfile HTTP 200",
    ]);
    expect(sent.at(-1)).toBe("DeleteRole HTTP 200");

    expect(await roleNames()).toEqual(["other"]);
    expect((await moto.iam.getInstanceProfile({ InstanceProfileName: "webprofile" })).InstanceProfile?.Roles).toEqual([]);
    expect((await moto.iam.getPolicy({ PolicyArn: managed })).Policy?.AttachmentCount).toBe(0);
  });

  it("-c reports what was removed and what remains when a step is denied", async () => {
    const { managed } = await seedLoadedRole();
    await asAdminDenied(moto, ["iam:DetachRolePolicy"], async (env) => {
      const res = await runCli("iam-roledel", ["-r", "myrole", "-c"], { env });
      expect(res.code).toBe(1);
      expect(res.stdout).toBe("");
      const lines = res.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^iam-roledel: error \(AccessDenied\): .*DetachRolePolicy/);
      // Every task of the wave starts at once (4 < the concurrency bound), so all but the denied one finish.
      expect(lines[1]).toBe("iam-roledel: removed: membership of instance profile webprofile, policy logs, policy s3");
      expect(lines[2]).toBe(`iam-roledel: remains: attached policy ${managed}, role myrole`);
    });
    expect(await roleNames()).toEqual(["myrole"]);
    expect(await rolePolicyNames("myrole")).toEqual([]);
    expect((await getRole("myrole")).PermissionsBoundary?.PermissionsBoundaryArn).toMatch(/:policy\/cap$/);
  });

  it("refuses -p without -c, and a bad role name, sending nothing", async () => {
    await createRole("myrole");
    await wire.expectRefused("iam-roledel", ["-r", "myrole", "-p"], "-p (pretend) can only be used with -c");
    await wire.expectRefused("euare-roledel", ["my role", "-c"], 'invalid role name "my role": use only letters, digits and + = , . @ _ -');
    await wire.expectRefused("iam-roledel", ["-c"], "missing required option -r ROLENAME (the name of the role)");
    expect(await roleNames()).toEqual(["myrole"]);
  });

  it("a missing role is IAM's NoSuchEntity, exit 1", async () => {
    const res = await cli("iam-roledel", "-r", "nobody", "-c");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-roledel: error \(NoSuchEntity\): .*nobody.*\n$/);
  });
});

describe("iam-roleaddpolicy", () => {
  it("-o prints the generated policy as one JSON line and stores it", async () => {
    await createRole("web");
    const res = await cli("iam-roleaddpolicy", "-r", "web", "-p", "S3All", "-e", "Allow", "-a", "s3:*", "-c", "arn:aws:s3:::*", "-o");
    expect(res).toEqual({ code: 0, stdout: `${S3_ALL}\n`, stderr: "" });
    expect(await rolePolicy("S3All")).toBe(S3_ALL);
  });

  it("prints nothing without -o and puts every -a and -c into the one statement, in order", async () => {
    await createRole("web");
    const res = await runCli(
      "euare-roleaddpolicy",
      ["web", "-p", "Logs", "-e", "Deny", "-a", "s3:GetObject", "-a", "s3:PutObject", "-c", "arn:aws:s3:::logs/*", "--resource", "arn:aws:s3:::audit/*"],
      { env: moto.env },
    );
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await rolePolicy("Logs")).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::logs/*","arn:aws:s3:::audit/*"]}]}',
    );
  });

  it("refuses bad input before sending anything", async () => {
    await createRole("web");
    const base = ["-r", "web", "-p", "S3All"];
    await wire.expectRefused("iam-roleaddpolicy", [...base, "-e", "allow", "-a", "s3:*", "-c", "*"], 'invalid value "allow" for -e: expected Allow or Deny');
    await wire.expectRefused("iam-roleaddpolicy", [...base, "-e", "Allow", "-a", "s3:*"], "missing required option -c RESOURCE (an ARN the policy covers, or *)");
    await wire.expectRefused(
      "iam-roleaddpolicy",
      ["-r", "web", "-p", "S3 All", "-e", "Allow", "-a", "s3:*", "-c", "*"],
      'invalid policy name "S3 All": use only letters, digits and + = , . @ _ -',
    );
    expect(await rolePolicyNames()).toEqual([]);
  });

  it("reports a role that does not exist with the IAM error", async () => {
    const res = await cli("iam-roleaddpolicy", "-r", "nobody", "-p", "S3All", "-e", "Allow", "-a", "s3:*", "-c", "*");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-roleaddpolicy: error \(NoSuchEntity\): .*nobody.*\n$/);
  });
});

describe("iam-roleuploadpolicy", () => {
  it("-f stores the file's document exactly as written and prints nothing", async () => {
    await createRole("web");
    writeTestFile(moto, "read-logs.json", READ_LOGS);
    expect(await cli("iam-roleuploadpolicy", "-r", "web", "-p", "ReadLogs", "-f", "read-logs.json")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(await rolePolicy("ReadLogs")).toBe(READ_LOGS);
  });

  it("-o stores the given text, replacing a policy of the same name", async () => {
    await createRole("web");
    await seedRolePolicies(["Guard", S3_ALL]);
    expect(await cli("iam-roleuploadpolicy", "-r", "web", "-p", "Guard", "-o", DENY_IAM)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await rolePolicyNames()).toEqual(["Guard"]);
    expect(await rolePolicy("Guard")).toBe(DENY_IAM);
  });

  it("euare-roleuploadpolicy takes the role name as an argument; -f - reads standard input", async () => {
    await createRole("web");
    const res = await runCli("euare-roleuploadpolicy", ["web", "-p", "ReadLogs", "-f", "-"], { env: moto.env, stdin: READ_LOGS });
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await rolePolicy("ReadLogs")).toBe(READ_LOGS);
  });

  it("refuses bad input before sending anything", async () => {
    await createRole("web");
    const base = ["-r", "web", "-p", "ReadLogs"];
    await wire.expectRefused("iam-roleuploadpolicy", base, "a policy document is required: -f FILE or -o TEXT");
    await wire.expectRefused("iam-roleuploadpolicy", [...base, "-o", DENY_IAM, "-f", "x.json"], "give the policy with -f FILE or -o TEXT, not both");
    await wire.expectRefused(
      "iam-roleuploadpolicy",
      [...base, "-o", '{"Version": "2012-10-17",}'],
      "policy given with -o line 1, column 26: not valid JSON: property name expected",
    );
    expect(await rolePolicyNames()).toEqual([]);
  });
});

describe("iam-rolegetpolicy", () => {
  it("prints the stored document decoded, line for line", async () => {
    await createRole("web");
    await seedRolePolicies(["ReadLogs", READ_LOGS], ["S3All", S3_ALL]);
    expect(await cli("iam-rolegetpolicy", "-r", "web", "-p", "ReadLogs")).toEqual({ code: 0, stdout: READ_LOGS, stderr: "" });
    expect(await runCli("euare-rolegetpolicy", ["web", "-p", "S3All"], { env: moto.env })).toEqual({
      code: 0,
      stdout: `${S3_ALL}\n`,
      stderr: "",
    });
  });

  it("--json shows the decoded document", async () => {
    await createRole("web");
    await seedRolePolicies(["S3All", S3_ALL]);
    const res = await cli("iam-rolegetpolicy", "-r", "web", "-p", "S3All", "--json");
    expect(JSON.parse(res.stdout)).toEqual({ RoleName: "web", PolicyName: "S3All", PolicyDocument: S3_ALL });
  });

  it("requires -p, sending nothing", async () => {
    await wire.expectRefused("iam-rolegetpolicy", ["-r", "web"], "missing required option -p POLICYNAME (the name of the policy)");
  });

  it("reports a policy that does not exist with the IAM error", async () => {
    await createRole("web");
    const res = await cli("iam-rolegetpolicy", "-r", "web", "-p", "Nothing");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-rolegetpolicy: error \(NoSuchEntity\): .*Nothing.*\n$/);
  });
});

describe("iam-roledelpolicy", () => {
  it("deletes only that policy and prints nothing", async () => {
    await createRole("web");
    await seedRolePolicies(["DenyIam", DENY_IAM], ["ReadLogs", READ_LOGS]);
    expect(await cli("iam-roledelpolicy", "-r", "web", "-p", "DenyIam")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await rolePolicyNames()).toEqual(["ReadLogs"]);
    expect(await runCli("euare-roledelpolicy", ["web", "-p", "ReadLogs"], { env: moto.env })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await rolePolicyNames()).toEqual([]);
  });

  it("refuses an invalid policy name before sending anything", async () => {
    await createRole("web");
    await seedRolePolicies(["DenyIam", DENY_IAM]);
    await wire.expectRefused("iam-roledelpolicy", ["-r", "web", "-p", "DenyIam/"], 'invalid policy name "DenyIam/": use only letters, digits and + = , . @ _ -');
    expect(await rolePolicyNames()).toEqual(["DenyIam"]);
  });

  it("reports a policy that does not exist with the IAM error", async () => {
    await createRole("web");
    const res = await cli("iam-roledelpolicy", "-r", "web", "-p", "Nothing");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-roledelpolicy: error \(NoSuchEntity\): .*Nothing.*\n$/);
  });
});

describe("iam-rolelistpolicies", () => {
  it("prints one name per line, then IsTruncated: false", async () => {
    await createRole("web");
    await seedRolePolicies(["DenyIam", DENY_IAM], ["ReadLogs", READ_LOGS]);
    expect(await cli("iam-rolelistpolicies", "-r", "web")).toEqual({
      code: 0,
      stdout: "DenyIam\nReadLogs\nIsTruncated: false\n",
      stderr: "",
    });
  });

  it("-v follows each name with its decoded document", async () => {
    await createRole("web");
    await seedRolePolicies(["DenyIam", DENY_IAM], ["ReadLogs", READ_LOGS]);
    expect(await runCli("euare-rolelistpolicies", ["web", "-v"], { env: moto.env })).toEqual({
      code: 0,
      stdout: `DenyIam\n${DENY_IAM}\nReadLogs\n${READ_LOGS}IsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer for a role without policies", async () => {
    await createRole("web");
    expect(await cli("iam-rolelistpolicies", "-r", "web", "-v")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("refuses an invalid role name before sending anything", async () => {
    await wire.expectRefused("iam-rolelistpolicies", ["-r", "web,api "], 'invalid role name "web,api ": use only letters, digits and + = , . @ _ -');
  });

  it("reports a role that does not exist with the IAM error", async () => {
    const res = await cli("iam-rolelistpolicies", "-r", "nobody");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-rolelistpolicies: error \(NoSuchEntity\): .*nobody.*\n$/);
  });
});
