import { describe, expect, it } from "vitest";
import { useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

/**
 * The offline policy checks on every upload path: -f and -o of *uploadpolicy, -e/-a/-r of
 * *addpolicy, managed policies and their versions, and trust policies. Refused documents run
 * through the wire recorder, whose empty request list proves that nothing at all was sent.
 */
const moto = useMoto();
const wire = useWire(moto);

const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

const NOT_ARN = 'is not "*" or an ARN (arn:partition:service:region:account:resource)';
const decoded = (document: string | undefined) => decodeURIComponent(document!);

/** A hand-written policy with a lower-case Effect and a one-colon-short ARN, as a file holds it. */
const SLOPPY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3::reports/*"
    }
  ]
}
`;

/** Seed 001's policy: every action on every resource. */
const FULL_CONTROL = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "*",
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`;

const FULL_ADMIN_ONE_LINE = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
const NOT_ACTION = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}';
const NOT_ACTION_WARNING = "policy given with -o, Statement[0].NotAction: NotAction with Allow allows every action not listed, including those of services added later";

const TRUST_ANYONE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "*" },
      "Action": "sts:AssumeRole"
    }
  ]
}
`;
const TRUST_ANYONE_WARNING = "policy file anyone.json line 6, Statement[0].Principal: any AWS account may assume this role: name the principals, or add a Condition";

describe("structural errors stop the upload before anything is sent", () => {
  const cases: [what: string, command: string, argv: string[], files: Record<string, string>, lines: string[]][] = [
    [
      "a policy file: each error with its line and JSON path",
      "iam-useruploadpolicy",
      ["-u", "bob", "-p", "Reports", "-f", "sloppy.json"],
      { "sloppy.json": SLOPPY },
      [
        'policy file sloppy.json line 5, Statement[0].Effect: "allow" is not Allow or Deny; did you mean Allow?',
        `policy file sloppy.json line 7, Statement[0].Resource: "arn:aws:s3::reports/*" ${NOT_ARN}; did you mean arn:aws:s3:::reports/*?`,
      ],
    ],
    [
      "a policy on standard input",
      "iam-groupuploadpolicy",
      ["-g", "ops", "-p", "Reports", "-f", "-"],
      {},
      [
        'policy file (standard input) line 5, Statement[0].Effect: "allow" is not Allow or Deny; did you mean Allow?',
        `policy file (standard input) line 7, Statement[0].Resource: "arn:aws:s3::reports/*" ${NOT_ARN}; did you mean arn:aws:s3:::reports/*?`,
      ],
    ],
    [
      "-o text without a Resource",
      "iam-groupuploadpolicy",
      ["-g", "ops", "-p", "Reports", "-o", '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}'],
      {},
      ["policy given with -o, Statement[0]: Resource is missing (or NotResource)"],
    ],
    [
      "-o text without a Version, with a policy variable",
      "iam-roleuploadpolicy",
      ["-r", "web", "-p", "Reports", "-o", '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}'],
      {},
      [
        'policy given with -o has no Version and uses the policy variable ${aws:username}: without a Version IAM reads the document as 2008-10-17, where ${aws:username} is plain text, not a variable; add "Version": "2012-10-17" to the document',
      ],
    ],
    [
      "a trust policy uploaded as a role's inline policy",
      "iam-roleuploadpolicy",
      ["-r", "web", "-p", "Trust", "-f", "anyone.json"],
      { "anyone.json": TRUST_ANYONE },
      [
        "policy file anyone.json line 4, Statement[0]: Resource is missing (or NotResource)",
        "policy file anyone.json line 6, Statement[0].Principal: Principal belongs in trust policies; an identity policy applies to whoever holds it",
      ],
    ],
    [
      "seed 003's original -r arn:aws:s3::* (the post's ARN, one colon short)",
      "iam-useraddpolicy",
      ["-u", "backup", "-p", "dobackup", "-e", "Allow", "-a", "s3:*", "-r", "arn:aws:s3::*"],
      {},
      [`generated policy, Statement[0].Resource[0]: "arn:aws:s3::*" ${NOT_ARN}; did you mean arn:aws:s3:::*?`],
    ],
    [
      "-a without a service prefix",
      "iam-groupaddpolicy",
      ["-g", "admins", "-p", "manageusers", "-e", "Allow", "-a", "iam:*", "-a", "ListUsers", "-r", "*"],
      {},
      ['generated policy, Statement[0].Action[1]: "ListUsers" has no service prefix; write service:action, such as s3:GetObject'],
    ],
    [
      "-c that is a bucket name, not an ARN",
      "iam-roleaddpolicy",
      ["-r", "web", "-p", "Logs", "-e", "Deny", "-a", "s3:DeleteObject", "-c", "logs"],
      {},
      [`generated policy, Statement[0].Resource[0]: "logs" ${NOT_ARN}`],
    ],
    [
      "a managed policy with an unknown element",
      "iam-policycreate",
      ["-p", "Reports", "-o", '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Resources":"*"}]}'],
      {},
      ['policy given with -o, Statement[0].Resources: unknown statement element "Resources"; did you mean Resource?'],
    ],
    [
      "a managed policy from -e/-a/-r",
      "iam-policycreate",
      ["-p", "Reports", "-e", "Allow", "-a", "s3:Get:Object", "-r", "*"],
      {},
      ['generated policy, Statement[0].Action[0]: "s3:Get:Object" has more than one colon; write service:action, such as s3:GetObject'],
    ],
    [
      "a new policy version with a Sid used twice",
      "iam-policycreateversion",
      [
        "-a",
        "arn:aws:iam::123456789012:policy/Reports",
        "-o",
        '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Sid":"Read","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}',
      ],
      {},
      ['policy given with -o, Statement[1].Sid: Sid "Read" is already the Sid of Statement[0]; Sids must be unique'],
    ],
    [
      "a Condition operator misspelt",
      "iam-policycreateversion",
      [
        "-a",
        "arn:aws:iam::123456789012:policy/Reports",
        "-o",
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IPAddress":{"aws:SourceIp":"192.0.2.0/24"}}}]}',
      ],
      {},
      ['policy given with -o, Statement[0].Condition.IPAddress: unknown condition operator "IPAddress"; did you mean IpAddress?'],
    ],
    [
      "a trust policy with a Resource and an S3 action (rolecreate does not validate it on the server)",
      "iam-rolecreate",
      ["-r", "web", "-f", "trust.json"],
      {
        "trust.json":
          '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {"Service": "ec2.amazonaws.com"},\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}\n',
      },
      [
        'policy file trust.json line 7, Statement[0].Action: "s3:GetObject": a trust policy allows only sts: actions, such as sts:AssumeRole',
        "policy file trust.json line 8, Statement[0].Resource: a trust policy has no Resource: the role itself is the resource",
      ],
    ],
    [
      "a trust policy without a Principal",
      "iam-roleupdateassumepolicy",
      ["-r", "web", "-f", "-"],
      {},
      ["policy file (standard input), Statement[0]: Principal is missing: a trust policy names who may assume the role"],
    ],
  ];
  const stdin: Record<string, string> = {
    "a policy on standard input": SLOPPY,
    "a trust policy without a Principal": '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}',
  };

  it.each(cases)("%s", async (what, command, argv, files, lines) => {
    for (const [name, content] of Object.entries(files)) writeTestFile(moto, name, content);
    await wire.expectRefused(command, argv, lines, stdin[what]);
  });

  it("nothing is stored either when the entity exists", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    writeTestFile(moto, "sloppy.json", SLOPPY);
    expect((await cli("iam-useruploadpolicy", "-u", "bob", "-p", "Reports", "-f", "sloppy.json")).code).toBe(2);
    expect((await moto.iam.listUserPolicies({ UserName: "bob" })).PolicyNames).toEqual([]);
  });
});

describe("lint warnings go to stderr, and the policy is stored", () => {
  it("full admin for a group not named admin (seed 001): a warning with the file line", async () => {
    await moto.iam.createGroup({ GroupName: "RightScaleDash" });
    writeTestFile(moto, "fullcontrol.json", FULL_CONTROL);
    expect(await cli("iam-groupuploadpolicy", "-g", "RightScaleDash", "-p", "FullControl", "-f", "fullcontrol.json")).toEqual({
      code: 0,
      stdout: "",
      stderr:
        'iam-groupuploadpolicy: warning: policy file fullcontrol.json line 4, Statement[0]: full admin (every action on every resource) for group "RightScaleDash", whose name does not say admin\n',
    });
    expect(decoded((await moto.iam.getGroupPolicy({ GroupName: "RightScaleDash", PolicyName: "FullControl" })).PolicyDocument)).toBe(FULL_CONTROL);
  });

  it("full admin for a group whose name says admin: no warning", async () => {
    await moto.iam.createGroup({ GroupName: "Administrators" });
    expect(await cli("iam-groupaddpolicy", "-g", "Administrators", "-p", "all", "-e", "Allow", "-a", "*", "-r", "*")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
  });

  it("-e/-a/-r: iam:PassRole on * from a generated policy", async () => {
    await moto.iam.createUser({ UserName: "deployer" });
    expect(await cli("iam-useraddpolicy", "-u", "deployer", "-p", "pass", "-e", "Allow", "-a", "iam:PassRole", "-r", "*")).toEqual({
      code: 0,
      stdout: "",
      stderr:
        'iam-useraddpolicy: warning: generated policy, Statement[0].Action[0]: "iam:PassRole" on Resource "*" lets the holder pass any role to a service; list the roles\' ARNs instead\n',
    });
    expect((await moto.iam.listUserPolicies({ UserName: "deployer" })).PolicyNames).toEqual(["pass"]);
  });

  it("a role's inline policy with a wildcard service prefix", async () => {
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: "{}" });
    // moto refuses a wildcard in the service prefix, so the wire answers for it.
    wire.stub("PutRolePolicy");
    const res = await wire.run("iam-roleaddpolicy", ["-r", "web", "-p", "reads", "-e", "Allow", "-a", "*:Get*", "-c", "*"]);
    expect(res).toEqual({
      code: 0,
      stdout: "",
      stderr:
        'iam-roleaddpolicy: warning: generated policy, Statement[0].Action[0]: "*:Get*": a wildcard in the service prefix matches every service whose name fits, including ones added later\n',
    });
    expect(wire.requests.map((r) => r.params.Action)).toEqual(["PutRolePolicy"]);
    expect(wire.requests[0].params.PolicyDocument).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*:Get*"],"Resource":["*"]}]}');
  });

  it("a managed policy and a new version with NotAction and Allow", async () => {
    expect(await cli("iam-policycreate", "-p", "Broad", "-o", NOT_ACTION)).toEqual({
      code: 0,
      stdout: "",
      stderr: `iam-policycreate: warning: ${NOT_ACTION_WARNING}\n`,
    });
    const arn = "arn:aws:iam::123456789012:policy/Broad";
    expect(await cli("iam-policycreateversion", "-a", arn, "-o", NOT_ACTION)).toEqual({
      code: 0,
      stdout: "v2\n",
      stderr: `iam-policycreateversion: warning: ${NOT_ACTION_WARNING}\n`,
    });
    expect((await moto.iam.listPolicyVersions({ PolicyArn: arn })).Versions!.map((v) => v.VersionId).sort()).toEqual(["v1", "v2"]);
  });

  it("full admin in a managed policy: the name checked is the policy's, also for a new version", async () => {
    const warning = (prog: string) =>
      `${prog}: warning: policy given with -o, Statement[0]: full admin (every action on every resource) for managed policy "Everything", whose name does not say admin\n`;
    expect((await cli("iam-policycreate", "-p", "Everything", "--path", "/ops/", "-o", FULL_ADMIN_ONE_LINE)).stderr).toBe(warning("iam-policycreate"));
    const res = await cli("iam-policycreateversion", "-a", "arn:aws:iam::123456789012:policy/ops/Everything", "-o", FULL_ADMIN_ONE_LINE);
    expect(res).toEqual({ code: 0, stdout: "v2\n", stderr: warning("iam-policycreateversion") });
    expect((await cli("iam-policycreate", "-p", "AdminAccess", "-o", FULL_ADMIN_ONE_LINE)).stderr).toBe("");
  });

  it("a trust policy any AWS account may use: rolecreate and roleupdateassumepolicy", async () => {
    writeTestFile(moto, "anyone.json", TRUST_ANYONE);
    expect(await cli("iam-rolecreate", "-r", "web", "-f", "anyone.json")).toEqual({
      code: 0,
      stdout: "",
      stderr: `iam-rolecreate: warning: ${TRUST_ANYONE_WARNING}\n`,
    });
    expect(await cli("iam-roleupdateassumepolicy", "-r", "web", "-f", "anyone.json")).toEqual({
      code: 0,
      stdout: "",
      stderr: `iam-roleupdateassumepolicy: warning: ${TRUST_ANYONE_WARNING}\n`,
    });
    expect(decoded((await moto.iam.getRole({ RoleName: "web" })).Role!.AssumeRolePolicyDocument)).toBe(TRUST_ANYONE);
  });

  it("-s builds a trust policy that passes the same checks silently", async () => {
    expect(await cli("iam-rolecreate", "-r", "web", "-s", "ec2.amazonaws.com")).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("--no-lint silences the warnings, never the errors", () => {
  it.each([
    ["iam-groupuploadpolicy", ["-g", "RightScaleDash", "-p", "FullControl", "-f", "fullcontrol.json"]],
    ["iam-groupaddpolicy", ["-g", "RightScaleDash", "-p", "FullControl", "-e", "Allow", "-a", "*", "-r", "*"]],
    ["iam-policycreate", ["-p", "Broad", "-o", NOT_ACTION]],
    ["iam-policycreate", ["-p", "Everything", "-e", "Allow", "-a", "*", "-r", "*"]],
    ["iam-rolecreate", ["-r", "web", "-f", "anyone.json"]],
  ])("%s %j", async (command, argv) => {
    await moto.iam.createGroup({ GroupName: "RightScaleDash" });
    writeTestFile(moto, "fullcontrol.json", FULL_CONTROL);
    writeTestFile(moto, "anyone.json", TRUST_ANYONE);
    const res = await cli(command, ...argv, "--no-lint");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("iam-policycreateversion and iam-roleupdateassumepolicy", async () => {
    await moto.iam.createPolicy({ PolicyName: "Broad", PolicyDocument: NOT_ACTION });
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST_ANYONE });
    writeTestFile(moto, "anyone.json", TRUST_ANYONE);
    expect(await cli("iam-policycreateversion", "-a", "arn:aws:iam::123456789012:policy/Broad", "-o", NOT_ACTION, "--no-lint")).toEqual({
      code: 0,
      stdout: "v2\n",
      stderr: "",
    });
    expect(await cli("iam-roleupdateassumepolicy", "-r", "web", "-f", "anyone.json", "--no-lint")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("errors still stop the upload", async () => {
    await wire.expectRefused(
      "iam-useraddpolicy",
      ["-u", "backup", "-p", "dobackup", "-e", "Allow", "-a", "s3:*", "-r", "arn:aws:s3::*", "--no-lint"],
      [`generated policy, Statement[0].Resource[0]: "arn:aws:s3::*" ${NOT_ARN}; did you mean arn:aws:s3:::*?`],
    );
  });
});

/**
 * A policy of exactly `size` characters without whitespace, pretty-printed so that the whitespace
 * (which IAM does not count) is plentiful. The padding is a long bucket ARN, or for a trust policy
 * an external id.
 */
function policyOfSize(size: number, trust = false): string {
  const build = (pad: string) =>
    JSON.stringify(
      {
        Version: "2012-10-17",
        Statement: [
          trust
            ? { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": pad } } }
            : { Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${pad}` },
        ],
      },
      null,
      2,
    );
  const base = build("").replace(/\s/g, "").length;
  return build("x".repeat(size - base));
}

describe("IAM's size limits, per entity, counted without whitespace", () => {
  const refusal = (size: number, limit: string, holder: string) =>
    `policy file big.json: ${size.toLocaleString("en-US")} characters without whitespace; IAM allows at most ${limit} for ${holder}`;

  it.each([
    ["user", "iam-useruploadpolicy", ["-u", "bob"], 2048, "2,048", "a user's inline policies"],
    ["group", "iam-groupuploadpolicy", ["-g", "ops"], 5120, "5,120", "a group's inline policies"],
    ["role", "iam-roleuploadpolicy", ["-r", "web"], 10240, "10,240", "a role's inline policies"],
  ] as const)("%s: one character over the limit is refused, the limit itself is stored", async (entity, command, who, limit, shown, holder) => {
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.createGroup({ GroupName: "ops" });
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: "{}" });
    writeTestFile(moto, "big.json", policyOfSize(limit + 1));
    await wire.expectRefused(command, [...who, "-p", "Big", "-f", "big.json"], [refusal(limit + 1, shown, holder)]);

    writeTestFile(moto, "big.json", policyOfSize(limit));
    expect(await cli(command, ...who, "-p", "Big", "-f", "big.json")).toEqual({ code: 0, stdout: "", stderr: "" });
    const stored =
      entity === "user"
        ? await moto.iam.getUserPolicy({ UserName: "bob", PolicyName: "Big" })
        : entity === "group"
          ? await moto.iam.getGroupPolicy({ GroupName: "ops", PolicyName: "Big" })
          : await moto.iam.getRolePolicy({ RoleName: "web", PolicyName: "Big" });
    expect(decoded(stored.PolicyDocument)).toBe(policyOfSize(limit));
  });

  it("managed: 6,144 for iam-policycreate and iam-policycreateversion", async () => {
    writeTestFile(moto, "big.json", policyOfSize(6145));
    await wire.expectRefused("iam-policycreate", ["-p", "Big", "-f", "big.json"], [refusal(6145, "6,144", "a managed policy")]);
    await wire.expectRefused(
      "iam-policycreateversion",
      ["-a", "arn:aws:iam::123456789012:policy/Big", "-f", "big.json"],
      [refusal(6145, "6,144", "a managed policy")],
    );
    writeTestFile(moto, "big.json", policyOfSize(6144));
    expect(await cli("iam-policycreate", "-p", "Big", "-f", "big.json")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("trust: 2,048 for iam-rolecreate and iam-roleupdateassumepolicy", async () => {
    writeTestFile(moto, "big.json", policyOfSize(2049, true));
    await wire.expectRefused("iam-rolecreate", ["-r", "web", "-f", "big.json"], [refusal(2049, "2,048", "a role's trust policy")]);
    await wire.expectRefused("iam-roleupdateassumepolicy", ["-r", "web", "-f", "big.json"], [refusal(2049, "2,048", "a role's trust policy")]);
    writeTestFile(moto, "big.json", policyOfSize(2048, true));
    expect(await cli("iam-rolecreate", "-r", "web", "-f", "big.json")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("a size error comes with the structural errors, all at once", async () => {
    writeTestFile(moto, "big.json", policyOfSize(2049).replace('"Allow"', '"allow"'));
    await wire.expectRefused(
      "iam-useruploadpolicy",
      ["-u", "bob", "-p", "Big", "-f", "big.json"],
      [refusal(2049, "2,048", "a user's inline policies"), 'policy file big.json line 5, Statement[0].Effect: "allow" is not Allow or Deny; did you mean Allow?'],
    );
  });
});

describe("iam-policylint", () => {
  const lint = (argv: string[], stdin?: string) => wire.run("iam-policylint", argv, { stdin: stdin });

  it("prints nothing for a clean document and sends nothing", async () => {
    writeTestFile(moto, "reports.json", '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
    expect(await lint(["-f", "reports.json"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await lint(["reports.json"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests).toEqual([]);
  });

  it("exits 2 and lists every error", async () => {
    writeTestFile(moto, "sloppy.json", SLOPPY);
    expect(await lint(["sloppy.json"])).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        'iam-policylint: policy file sloppy.json line 5, Statement[0].Effect: "allow" is not Allow or Deny; did you mean Allow?',
        `iam-policylint: policy file sloppy.json line 7, Statement[0].Resource: "arn:aws:s3::reports/*" ${NOT_ARN}; did you mean arn:aws:s3:::reports/*?`,
        "",
      ].join("\n"),
    });
  });

  it("exits 0 with warnings only; --name names who gets it", async () => {
    writeTestFile(moto, "fullcontrol.json", FULL_CONTROL);
    expect(await lint(["-f", "fullcontrol.json"])).toEqual({
      code: 0,
      stdout: "",
      stderr: "iam-policylint: warning: policy file fullcontrol.json line 4, Statement[0]: full admin (every action on every resource)\n",
    });
    expect((await lint(["-f", "fullcontrol.json", "--entity", "group", "--name", "RightScaleDash"])).stderr).toBe(
      'iam-policylint: warning: policy file fullcontrol.json line 4, Statement[0]: full admin (every action on every resource) for group "RightScaleDash", whose name does not say admin\n',
    );
    expect(await lint(["-f", "fullcontrol.json", "--name", "AdminAccess"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--kind trust checks a trust policy, from standard input", async () => {
    expect(await lint(["-f", "-", "--kind", "trust"], TRUST_ANYONE)).toEqual({
      code: 0,
      stdout: "",
      stderr: "iam-policylint: warning: policy file (standard input) line 6, Statement[0].Principal: any AWS account may assume this role: name the principals, or add a Condition\n",
    });
    expect(await lint(["-f", "-"], TRUST_ANYONE)).toMatchObject({ code: 2 });
  });

  it("--entity picks the size limit; the default is a managed policy's", async () => {
    writeTestFile(moto, "big.json", policyOfSize(3000));
    expect(await lint(["big.json"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await lint(["big.json", "--entity", "group"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await lint(["big.json", "--entity", "user"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-policylint: policy file big.json: 3,000 characters without whitespace; IAM allows at most 2,048 for a user's inline policies\n",
    });
    writeTestFile(moto, "trust.json", policyOfSize(3000, true));
    expect((await lint(["trust.json", "--kind", "trust"])).stderr).toBe(
      "iam-policylint: policy file trust.json: 3,000 characters without whitespace; IAM allows at most 2,048 for a role's trust policy\n",
    );
  });

  it("refuses bad options and files", async () => {
    writeTestFile(moto, "reports.json", "{}");
    await wire.expectRefused("iam-policylint", ["reports.json", "--kind", "trust", "--entity", "user"], [
      "--entity is for identity policies; a trust policy has a size limit of its own",
    ]);
    await wire.expectRefused("iam-policylint", ["reports.json", "--kind", "resource"], ['invalid value "resource" for --kind: expected identity or trust']);
    await wire.expectRefused("iam-policylint", ["reports.json", "--entity", "account"], ['invalid value "account" for --entity: expected user or group or role or managed']);
    await wire.expectRefused("iam-policylint", [], ["missing required option -f POLICYDOCUMENTFILE (file holding the policy document (- reads standard input))"]);
    await wire.expectRefused("iam-policylint", ["missing.json"], ["policy file missing.json does not exist"]);
    await wire.expectRefused("iam-policylint", ["-o", "{}"], ["unknown option '-o'; see iam-policylint -h"]);
  });

  it("needs no credentials and no endpoint", async () => {
    writeTestFile(moto, "fullcontrol.json", FULL_CONTROL);
    const res = await runCli("iam-policylint", ["fullcontrol.json", "--name", "Admins"], { env: { HOME: moto.dir }, cwd: moto.dir });
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

/** Seed 002's policy file as the guide prints it: no Version, as every 2010-2013 runbook wrote. */
const NO_VERSION = `{
  "Statement": [
    {
      "Action": [
        "ec2:CreateSnapshot"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`;
const NO_VERSION_SENT = NO_VERSION.replace('{\n  "Statement"', '{\n  "Version": "2012-10-17",\n  "Statement"');
const notice = (name: string, source: string) =>
  `${name}: warning: ${source} has no Version; "Version": "2012-10-17" is added before it is sent (the same meaning without policy variables)\n`;
const sentDocuments = () => wire.requests.filter((r) => r.params.PolicyDocument !== undefined).map((r) => r.params.PolicyDocument);

describe("documents without a Version", () => {
  it("are sent with the Version added after the opening brace, spaced like the next member, and one notice", async () => {
    await moto.iam.createGroup({ GroupName: "ebs-backup" });
    writeTestFile(moto, "allow-snapshot.json", NO_VERSION);
    const res = await wire.run("iam-groupuploadpolicy", ["-g", "ebs-backup", "-p", "allow-snapshot", "-f", "allow-snapshot.json"]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: notice("iam-groupuploadpolicy", "policy file allow-snapshot.json") });
    expect(sentDocuments()).toEqual([NO_VERSION_SENT]);
    const stored = await moto.iam.getGroupPolicy({ GroupName: "ebs-backup", PolicyName: "allow-snapshot" });
    expect(decoded(stored.PolicyDocument)).toBe(NO_VERSION_SENT);
  });

  it("a one-line document gets the Version without spacing; managed policies and trust policies alike", async () => {
    const oneLine = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
    const res = await wire.run("iam-policycreate", ["-p", "Reports", "-o", oneLine]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: notice("iam-policycreate", "policy given with -o") });
    const sent = `{"Version": "2012-10-17",${oneLine.slice(1)}`;
    expect(sentDocuments()).toEqual([sent]);
    const policy = (await moto.iam.getPolicy({ PolicyArn: "arn:aws:iam::123456789012:policy/Reports" })).Policy!;
    const version = await moto.iam.getPolicyVersion({ PolicyArn: policy.Arn!, VersionId: policy.DefaultVersionId! });
    expect(decoded(version.PolicyVersion!.Document)).toBe(sent);

    writeTestFile(moto, "trust.json", '{ "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}] }');
    const role = await wire.run("iam-rolecreate", ["-r", "web", "-f", "trust.json"]);
    expect(role).toEqual({ code: 0, stdout: "", stderr: notice("iam-rolecreate", "policy file trust.json") });
    expect(decoded((await moto.iam.getRole({ RoleName: "web" })).Role!.AssumeRolePolicyDocument)).toBe(
      '{ "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}] }',
    );
  });

  it("findings in a version-less file keep the file's own line numbers", async () => {
    writeTestFile(moto, "sloppy.json", SLOPPY.replace('  "Version": "2012-10-17",\n', ""));
    await wire.expectRefused("iam-useruploadpolicy", ["-u", "bob", "-p", "Reports", "-f", "sloppy.json"], [
      'policy file sloppy.json line 4, Statement[0].Effect: "allow" is not Allow or Deny; did you mean Allow?',
      `policy file sloppy.json line 6, Statement[0].Resource: "arn:aws:s3::reports/*" ${NOT_ARN}; did you mean arn:aws:s3:::reports/*?`,
    ]);
  });
});

describe("--no-validate sends the document exactly as given, and IAM decides", () => {
  it("a version-less document goes out byte for byte, without notice; IAM's refusal exits 1", async () => {
    await moto.iam.createGroup({ GroupName: "ebs-backup" });
    writeTestFile(moto, "allow-snapshot.json", NO_VERSION);
    const res = await wire.run("iam-groupuploadpolicy", ["-g", "ebs-backup", "-p", "allow-snapshot", "-f", "allow-snapshot.json", "--no-validate"]);
    expect(sentDocuments()).toEqual([NO_VERSION]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^iam-groupuploadpolicy: error \(MalformedPolicyDocument\): .+\n$/);
    expect((await moto.iam.listGroupPolicies({ GroupName: "ebs-backup" })).PolicyNames).toEqual([]);
  });

  it("what the local checks would refuse or warn about is sent, and stored when IAM takes it", async () => {
    await moto.iam.createGroup({ GroupName: "RightScaleDash" });
    writeTestFile(moto, "fullcontrol.json", FULL_CONTROL);
    const variable = '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*"}],"Version":"2012-10-17"}';
    const runs: [string, string[]][] = [
      ["iam-groupuploadpolicy", ["-g", "RightScaleDash", "-p", "FullControl", "-f", "fullcontrol.json"]],
      ["iam-groupaddpolicy", ["-g", "RightScaleDash", "-p", "Everything", "-e", "Allow", "-a", "*", "-r", "*"]],
      ["iam-policycreate", ["-p", "Home", "-o", variable]],
    ];
    for (const [name, argv] of runs) {
      expect(await wire.run(name, [...argv, "--no-validate"]), name).toEqual({ code: 0, stdout: "", stderr: "" });
    }
    expect(sentDocuments()).toEqual([FULL_CONTROL, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*"],"Resource":["*"]}]}', variable]);
  });

  it("a character the local check refuses reaches IAM, which answers", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    const typographic = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":\u201c*\u201d}]}';
    writeTestFile(moto, "quotes.json", typographic);
    const res = await wire.run("iam-useruploadpolicy", ["-u", "bob", "-p", "quotes", "-f", "quotes.json", "--no-validate"]);
    expect(sentDocuments()).toEqual([typographic]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-useruploadpolicy: error \(MalformedPolicyDocument\): .+\n$/);
  });
});
