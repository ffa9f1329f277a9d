import { describe, expect, it } from "vitest";
import {
  checkPolicySize,
  formatPath,
  lintPolicy,
  policySize,
  SIZE_LIMITS,
  validatePolicy,
  wildcardMatches,
  type LintContext,
  type PolicyKind,
} from "../src/iam/policy-lint.js";
import { runCli } from "./harness/run-cli.js";

/**
 * The offline policy checks, rule by rule: each row is a document, what it is for, and every
 * finding expected (path as printed, then message). Documents are built from a valid base so that
 * each row shows only its own mistake.
 */

type Doc = Record<string, unknown>;
type Row = [what: string, document: unknown, expected: [path: string, message: string][]];

const V = "2012-10-17";
const identity = (...Statement: Doc[]): Doc => ({ Version: V, Statement });
const allow = (extra: Doc = {}): Doc => ({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*", ...extra });
const trust = (...Statement: Doc[]): Doc => ({ Version: V, Statement });
const assume = (extra: Doc = {}): Doc => ({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole", ...extra });
const without = (doc: Doc, key: string): Doc => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key));

const NOT_ARN = 'is not "*" or an ARN (arn:partition:service:region:account:resource)';
const STATEMENT_KEYS = "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition";

const shown = (findings: { path: readonly (string | number)[]; message: string }[]) =>
  findings.map(({ path, message }) => [formatPath(path), message]);

describe("validatePolicy: identity policies", () => {
  const rows: Row[] = [
    ["a minimal valid policy", identity(allow()), []],
    [
      "every element in its allowed forms",
      {
        Version: V,
        Id: "reports",
        Statement: [
          allow({ Sid: "Read1", Action: ["s3:GetObject", "s3:List*"], Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"] }),
          {
            Sid: "Guard",
            Effect: "Deny",
            NotAction: "iam:Get*",
            NotResource: "arn:aws:iam::123456789012:user/${aws:username}",
            Condition: {
              StringEquals: { "aws:username": ["bob", "alice"] },
              "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": "team*" },
              Bool: { "aws:MultiFactorAuthPresent": false },
              NumericLessThan: { "aws:MultiFactorAuthAge": 3600 },
            },
          },
          { Effect: "Allow", Action: "*", Resource: "*" },
        ],
      },
      [],
    ],
    ["Statement as one object rather than a list", { Version: V, Statement: allow() }, []],
    ["the older Version 2008-10-17", { Version: "2008-10-17", Statement: [allow()] }, []],
    ["an ARN whose resource holds colons", identity(allow({ Resource: "arn:aws:logs:eu-west-1:123456789012:log-group:app:*" })), []],
    ["an empty Sid, twice (IAM ignores empty Sids)", identity(allow({ Sid: "" }), allow({ Sid: "" })), []],

    ["not an object", ["Statement"], [["", 'a policy must be a JSON object: {"Version": ..., "Statement": [...]}']]],
    ["null", null, [["", 'a policy must be a JSON object: {"Version": ..., "Statement": [...]}']]],
    ["no Version", { Statement: [allow()] }, [["", 'Version is missing; add "Version": "2012-10-17"']]],
    ["an unknown Version", { Version: "2012-10-18", Statement: [allow()] }, [["Version", '"2012-10-18" is not "2012-10-17" (or the older "2008-10-17")']]],
    ["a Version that is a number", { Version: 2012, Statement: [allow()] }, [["Version", '2012 is not "2012-10-17" (or the older "2008-10-17")']]],
    ["an Id that is not a string", { Version: V, Id: 7, Statement: [allow()] }, [["Id", "Id must be a string"]]],
    ["an unknown top-level element", { Version: V, Statement: [allow()], Owner: "me" }, [["Owner", 'unknown element "Owner"; expected one of Version, Id, Statement']]],
    ["a misspelt top-level element", { Version: V, Statment: [allow()] }, [
      ["Statment", 'unknown element "Statment"; did you mean Statement?'],
      ["", "Statement is missing"],
    ]],
    ["a top-level element in the wrong case", { version: V, Statement: [allow()] }, [
      ["version", 'unknown element "version"; did you mean Version?'],
      ["", 'Version is missing; add "Version": "2012-10-17"'],
    ]],
    ["no Statement", { Version: V }, [["", "Statement is missing"]]],
    ["an empty Statement list", { Version: V, Statement: [] }, [["Statement", "Statement is empty"]]],
    ["a Statement that is a string", { Version: V, Statement: "Allow" }, [["Statement", "Statement must be an object or a list of objects"]]],
    ["a statement that is not an object", identity(allow(), "s3:*" as unknown as Doc), [["Statement[1]", "a statement must be a JSON object"]]],

    ["no Effect", identity(without(allow(), "Effect")), [["Statement[0]", "Effect is missing; expected Allow or Deny"]]],
    ["Effect in lower case", identity(allow({ Effect: "allow" })), [["Statement[0].Effect", '"allow" is not Allow or Deny; did you mean Allow?']]],
    ["an Effect that means nothing", identity(allow({ Effect: "Maybe" })), [["Statement[0].Effect", '"Maybe" is not Allow or Deny']]],
    ["an Effect that is not a string", identity(allow({ Effect: true })), [["Statement[0].Effect", "true is not Allow or Deny"]]],

    ["no Action", identity(without(allow(), "Action")), [["Statement[0]", "Action is missing (or NotAction)"]]],
    ["both Action and NotAction", identity(allow({ NotAction: "s3:PutObject" })), [["Statement[0]", "a statement has Action or NotAction, not both"]]],
    ["an empty Action list", identity(allow({ Action: [] })), [["Statement[0].Action", "Action is an empty list"]]],
    ["an Action that is an object", identity(allow({ Action: { s3: "GetObject" } })), [["Statement[0].Action", "Action must be a string or a list of strings"]]],
    ["an Action entry that is not a string", identity(allow({ Action: ["s3:GetObject", 5] })), [["Statement[0].Action[1]", "5 is not a string"]]],
    ["an action without a service prefix", identity(allow({ Action: "GetObject" })), [
      ["Statement[0].Action", '"GetObject" has no service prefix; write service:action, such as s3:GetObject'],
    ]],
    ["a NotAction entry without a service prefix", identity({ Effect: "Deny", NotAction: ["s3:GetObject", "ListBucket"], Resource: "*" }), [
      ["Statement[0].NotAction[1]", '"ListBucket" has no service prefix; write service:action, such as s3:GetObject'],
    ]],
    ["an action with two colons", identity(allow({ Action: ["s3:Get:Object"] })), [
      ["Statement[0].Action[0]", '"s3:Get:Object" has more than one colon; write service:action, such as s3:GetObject'],
    ]],
    ["an action whose prefix is not a service", identity(allow({ Action: "s 3:GetObject" })), [["Statement[0].Action", '"s 3:GetObject": "s 3" is not a service prefix']]],
    ["an action with nothing after the colon", identity(allow({ Action: "s3:" })), [["Statement[0].Action", '"s3:" names no action after the colon']]],

    ["no Resource", identity(without(allow(), "Resource")), [["Statement[0]", "Resource is missing (or NotResource)"]]],
    ["both Resource and NotResource", identity(allow({ NotResource: "*" })), [["Statement[0]", "a statement has Resource or NotResource, not both"]]],
    ["an empty Resource list", identity(allow({ Resource: [] })), [["Statement[0].Resource", "Resource is an empty list"]]],
    ["a bucket name instead of an ARN", identity(allow({ Resource: "reports" })), [["Statement[0].Resource", `"reports" ${NOT_ARN}`]]],
    ["seed 003's S3 ARN, one colon short", identity(allow({ Resource: ["arn:aws:s3::*"] })), [
      ["Statement[0].Resource[0]", `"arn:aws:s3::*" ${NOT_ARN}; did you mean arn:aws:s3:::*?`],
    ]],
    ["an S3 ARN with no empty fields at all", identity(allow({ Resource: "arn:aws:s3:reports/*" })), [
      ["Statement[0].Resource", `"arn:aws:s3:reports/*" ${NOT_ARN}; did you mean arn:aws:s3:::reports/*?`],
    ]],
    ["an IAM ARN without its empty region", identity(allow({ Resource: "arn:aws:iam:123456789012:user/bob" })), [
      ["Statement[0].Resource", `"arn:aws:iam:123456789012:user/bob" ${NOT_ARN}; did you mean arn:aws:iam::123456789012:user/bob?`],
    ]],
    ["an ARN with no resource part", identity(allow({ Resource: "arn:aws:s3:::" })), [["Statement[0].Resource", `"arn:aws:s3:::" ${NOT_ARN}`]]],
    ["an ARN with no service", identity(without(allow({ NotResource: "arn:aws::::x" }), "Resource")), [["Statement[0].NotResource", `"arn:aws::::x" ${NOT_ARN}`]]],
    ["a Principal in an identity policy", identity(allow({ Principal: "*" })), [
      ["Statement[0].Principal", "Principal belongs in trust policies; an identity policy applies to whoever holds it"],
    ]],
    ["a NotPrincipal in an identity policy", identity(allow({ NotPrincipal: { AWS: "*" } })), [
      ["Statement[0].NotPrincipal", "NotPrincipal belongs in trust policies; an identity policy applies to whoever holds it"],
    ]],

    ["a Condition that is a list", identity(allow({ Condition: [] })), [
      ["Statement[0].Condition", 'Condition must be an object of operators, such as {"StringEquals": {"aws:username": "bob"}}'],
    ]],
    ["an unknown condition operator", identity(allow({ Condition: { Matches: { "aws:username": "bob" } } })), [
      ["Statement[0].Condition.Matches", 'unknown condition operator "Matches"; such as StringEquals, ArnLike, Bool'],
    ]],
    ["a misspelt condition operator", identity(allow({ Condition: { StringEqual: { "aws:username": "bob" } } })), [
      ["Statement[0].Condition.StringEqual", 'unknown condition operator "StringEqual"; did you mean StringEquals?'],
    ]],
    ["an operator holding a string", identity(allow({ Condition: { StringEquals: "bob" } })), [
      ["Statement[0].Condition.StringEquals", 'StringEquals must be an object of condition keys and values, such as {"aws:SourceIp": "192.0.2.0/24"}'],
    ]],
    ["a condition key without a prefix", identity(allow({ Condition: { StringEquals: { username: "bob" } } })), [
      ["Statement[0].Condition.StringEquals.username", 'condition key "username" has no service prefix, such as aws:SourceIp'],
    ]],
    ["a condition value that is an object", identity(allow({ Condition: { StringEquals: { "aws:username": { name: "bob" } } } })), [
      ["Statement[0].Condition.StringEquals.aws:username", "the value of aws:username must be a string or a list of strings"],
    ]],
    ["a condition value that is an empty list", identity(allow({ Condition: { IpAddress: { "aws:SourceIp": [] } } })), [
      ["Statement[0].Condition.IpAddress.aws:SourceIp", "the value of aws:SourceIp must be a string or a list of strings"],
    ]],

    ["the same Sid twice", identity(allow({ Sid: "Read" }), allow({ Sid: "Write" }), allow({ Sid: "Read" })), [
      ["Statement[2].Sid", 'Sid "Read" is already the Sid of Statement[0]; Sids must be unique'],
    ]],
    ["a Sid with punctuation", identity(allow({ Sid: "read-reports" })), [["Statement[0].Sid", 'Sid "read-reports" may hold only letters and digits']]],
    ["a Sid that is a number", identity(allow({ Sid: 1 })), [["Statement[0].Sid", "Sid must be a string"]]],
    ["an unknown statement element", identity(allow({ Comment: "why" })), [
      ["Statement[0].Comment", `unknown statement element "Comment"; expected one of ${STATEMENT_KEYS}`],
    ]],
    ["a statement element in the wrong case", identity({ effect: "Allow", Action: "s3:GetObject", Resource: "*" }), [
      ["Statement[0].effect", 'unknown statement element "effect"; did you mean Effect?'],
      ["Statement[0]", "Effect is missing; expected Allow or Deny"],
    ]],
    ["several mistakes, all reported in document order", identity(allow({ Effect: "allow" }), allow({ Action: "GetObject", Resource: "arn:aws:s3::*" })), [
      ["Statement[0].Effect", '"allow" is not Allow or Deny; did you mean Allow?'],
      ["Statement[1].Action", '"GetObject" has no service prefix; write service:action, such as s3:GetObject'],
      ["Statement[1].Resource", `"arn:aws:s3::*" ${NOT_ARN}; did you mean arn:aws:s3:::*?`],
    ]],
  ];

  it.each(rows)("%s", (_what, document, expected) => {
    expect(shown(validatePolicy(document, "identity"))).toEqual(expected);
  });
});

describe("validatePolicy: trust policies", () => {
  const rows: Row[] = [
    ["a service trust policy", trust(assume()), []],
    ["an account and a federated principal, lists and a Condition", trust(
      assume({ Principal: { AWS: ["arn:aws:iam::123456789012:root", "210987654321"] }, Action: ["sts:AssumeRole", "sts:TagSession"] }),
      assume({ Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:pool" } } }),
    ), []],
    ["Principal \"*\" (valid, though linted)", trust(assume({ Principal: "*" })), []],
    ["a Principal-less statement", trust(without(assume(), "Principal")), [["Statement[0]", "Principal is missing: a trust policy names who may assume the role"]]],
    ["a Resource", trust(assume({ Resource: "*" })), [["Statement[0].Resource", "a trust policy has no Resource: the role itself is the resource"]]],
    ["a NotResource", trust(assume({ NotResource: "*" })), [["Statement[0].NotResource", "a trust policy has no NotResource: the role itself is the resource"]]],
    ["a NotPrincipal", trust(without(assume({ NotPrincipal: { AWS: "*" } }), "Principal")), [
      ["Statement[0].NotPrincipal", "NotPrincipal is not supported in a trust policy; name the principals with Principal"],
    ]],
    ["an action other than sts:", trust(assume({ Action: ["sts:AssumeRole", "s3:GetObject"] })), [
      ["Statement[0].Action[1]", '"s3:GetObject": a trust policy allows only sts: actions, such as sts:AssumeRole'],
    ]],
    ["an action without a prefix", trust(assume({ Action: "AssumeRole" })), [
      ["Statement[0].Action", '"AssumeRole" has no service prefix; write service:action, such as sts:AssumeRole'],
    ]],
    ["a Principal that is a name", trust(assume({ Principal: "ec2.amazonaws.com" })), [
      ["Statement[0].Principal", 'Principal must be "*" or an object such as {"Service": "ec2.amazonaws.com"}'],
    ]],
    ["an empty Principal", trust(assume({ Principal: {} })), [["Statement[0].Principal", 'Principal names nobody; such as {"Service": "ec2.amazonaws.com"}']]],
    ["a misspelt principal type", trust(assume({ Principal: { Services: "ec2.amazonaws.com" } })), [
      ["Statement[0].Principal.Services", 'unknown principal type "Services"; did you mean Service?'],
    ]],
    ["a principal list with a number", trust(assume({ Principal: { AWS: [123456789012] } })), [["Statement[0].Principal.AWS[0]", "123456789012 is not a string"]]],
    ["an empty principal name", trust(assume({ Principal: { Service: "" } })), [["Statement[0].Principal.Service", "an empty principal"]]],
    ["no Version", { Statement: [assume()] }, [["", 'Version is missing; add "Version": "2012-10-17"']]],
  ];

  it.each(rows)("%s", (_what, document, expected) => {
    expect(shown(validatePolicy(document, "trust" satisfies PolicyKind))).toEqual(expected);
  });
});

describe("lintPolicy", () => {
  const user = (name?: string): LintContext => ({ entity: "user", name });
  const ADMIN = { Effect: "Allow", Action: "*", Resource: "*" };
  const rows: [what: string, document: unknown, context: LintContext, expected: [string, string][]][] = [
    ["a read-only policy", identity(allow()), user("bob"), []],
    ["full admin for a user not named admin", identity(ADMIN), user("bob"), [
      ["Statement[0]", 'full admin (every action on every resource) for user "bob", whose name does not say admin'],
    ]],
    ["full admin as lists, with *:*", identity({ Effect: "Allow", Action: ["s3:GetObject", "*:*"], Resource: ["arn:aws:s3:::x", "*"] }), { entity: "group", name: "RightScaleDash" }, [
      ["Statement[0]", 'full admin (every action on every resource) for group "RightScaleDash", whose name does not say admin'],
    ]],
    ["full admin for a managed policy not named admin", identity(ADMIN), { entity: "managed", name: "Everything" }, [
      ["Statement[0]", 'full admin (every action on every resource) for managed policy "Everything", whose name does not say admin'],
    ]],
    ["full admin when nobody is named", identity(ADMIN), { entity: "managed" }, [["Statement[0]", "full admin (every action on every resource)"]]],
    ["full admin for an admin group, in any case", identity(ADMIN), { entity: "group", name: "SiteADMINS" }, []],
    ["full admin for a role named admin", identity(ADMIN), { entity: "role", name: "admin" }, []],
    ["full admin denied", identity({ ...ADMIN, Effect: "Deny" }), user("bob"), []],
    ["every action on some resources", identity({ ...ADMIN, Resource: "arn:aws:s3:::x/*" }), user("bob"), []],
    ["NotAction with Allow", identity({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }), user("bob"), [
      ["Statement[0].NotAction", "NotAction with Allow allows every action not listed, including those of services added later"],
    ]],
    ["NotAction with Deny", identity({ Effect: "Deny", NotAction: "iam:*", Resource: "*" }), user("bob"), []],
    ["a wildcard service prefix", identity(allow({ Action: ["*:Get*", "s3:Get*", "s*:*", "ec?:Describe*"] })), user("bob"), [
      ["Statement[0].Action[0]", '"*:Get*": a wildcard in the service prefix matches every service whose name fits, including ones added later'],
      ["Statement[0].Action[2]", '"s*:*": a wildcard in the service prefix matches every service whose name fits, including ones added later'],
      ["Statement[0].Action[3]", '"ec?:Describe*": a wildcard in the service prefix matches every service whose name fits, including ones added later'],
    ]],
    ["iam:PassRole on *", identity(allow({ Action: "iam:PassRole", Resource: "*" })), user("deployer"), [
      ["Statement[0].Action", '"iam:PassRole" on Resource "*" lets the holder pass any role to a service; list the roles\' ARNs instead'],
    ]],
    ["iam:* and iam:Pass* on * (they include PassRole)", identity(allow({ Action: ["iam:*", "IAM:pass*", "iam:GetRole"], Resource: ["*"] })), user("deployer"), [
      ["Statement[0].Action[0]", '"iam:*" on Resource "*" includes iam:PassRole, which lets the holder pass any role to a service; list the roles\' ARNs instead'],
      ["Statement[0].Action[1]", '"IAM:pass*" on Resource "*" includes iam:PassRole, which lets the holder pass any role to a service; list the roles\' ARNs instead'],
    ]],
    ["iam:PassRole on named roles", identity(allow({ Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/app-*" })), user("deployer"), []],
    ["iam:PassRole denied on *", identity({ Effect: "Deny", Action: "iam:PassRole", Resource: "*" }), user("deployer"), []],
    ["the deprecated Version 2008-10-17", { Version: "2008-10-17", Statement: [allow()] }, user("bob"), [
      ["Version", "2008-10-17 is deprecated: it reads policy variables such as ${aws:username} as plain text; use 2012-10-17"],
    ]],
    ["a trust policy any AWS account may use", trust(assume({ Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] } })), { entity: "trust", name: "web" }, [
      ["Statement[0].Principal", "any AWS account may assume this role: name the principals, or add a Condition"],
    ]],
    ["Principal \"*\" with a Condition", trust(assume({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })), { entity: "trust" }, []],
    ["a service trust policy", trust(assume()), { entity: "trust", name: "web" }, []],
    ["several findings, in document order", { Version: "2008-10-17", Statement: [ADMIN, { Effect: "Allow", NotAction: "s*:*", Resource: "*" }] }, user("ops"), [
      ["Version", "2008-10-17 is deprecated: it reads policy variables such as ${aws:username} as plain text; use 2012-10-17"],
      ["Statement[0]", 'full admin (every action on every resource) for user "ops", whose name does not say admin'],
      ["Statement[1].NotAction", "NotAction with Allow allows every action not listed, including those of services added later"],
      ["Statement[1].NotAction", '"s*:*": a wildcard in the service prefix matches every service whose name fits, including ones added later'],
    ]],
  ];

  it.each(rows)("%s", (_what, document, context, expected) => {
    expect(shown(lintPolicy(document, context))).toEqual(expected);
  });

  it("skips what it cannot read instead of failing on an invalid document", () => {
    expect(lintPolicy("not a policy", user("bob"))).toEqual([]);
    expect(lintPolicy({ Statement: [7, { Action: 5 }] }, user("bob"))).toEqual([]);
  });
});

describe("wildcards, as IAM matches actions", () => {
  it.each([
    ["iam:PassRole", "iam:PassRole", true],
    ["IAM:pass*", "iam:PassRole", true],
    ["iam:*", "iam:PassRole", true],
    ["*", "iam:PassRole", true],
    ["iam:Pass?ole", "iam:PassRole", true],
    ["iam:Pa*R?le", "iam:PassRole", true],
    ["*Role", "iam:PassRole", true],
    ["i*a*m*:*P*a*s*s*R*o*l*e*", "iam:PassRole", true],
    ["iam:PassRole?", "iam:PassRole", false],
    ["iam:PassRol", "iam:PassRole", false],
    ["iam:Pass", "iam:PassRole", false],
    ["iam:*Roles", "iam:PassRole", false],
    ["iam:Get*", "iam:PassRole", false],
    ["?am:*", "iam:PassRole", true],
    ["", "iam:PassRole", false],
    ["", "", true],
    ["*", "", true],
    ["?", "", false],
    ["a*b*c", "aXbYbZc", true],
    ["a*b*c", "aXbYcZ", false],
    // Dots and brackets are plain characters, not regular-expression syntax.
    ["s3:Get.bject", "s3:GetObject", false],
    ["iam:[P]assRole", "iam:PassRole", false],
  ])("%j against %j: %s", (pattern, value, expected) => {
    expect(wildcardMatches(pattern, value)).toBe(expected);
  });
});

describe("iam-policylint on pathological wildcards", () => {
  // A regular expression built from these backtracks exponentially: "iam:" and 40 stars took 49 s.
  // Each run must simply finish (the default test timeout); speed is measured by npm run bench.
  const stars = "*".repeat(80);
  it.each([
    [`iam:${stars}`, 0, "includes iam:PassRole"],
    [`iam:${stars}x`, 0, ""],
    [`iam:${"*?".repeat(40)}x`, 0, ""],
  ])("%s", async (action, code, warning) => {
    const document = JSON.stringify(identity({ Effect: "Allow", Action: action, Resource: "*" }));
    const res = await runCli("iam-policylint", ["-f", "-"], { env: {}, stdin: document });
    expect(res.code).toBe(code);
    expect(res.stdout).toBe("");
    if (warning) expect(res.stderr).toContain(`"${action}" on Resource "*" ${warning}`);
    else expect(res.stderr).toBe("");
  });
});

describe("size limits", () => {
  it("are IAM's, per entity", () => {
    expect(SIZE_LIMITS).toEqual({ user: 2048, group: 5120, role: 10240, managed: 6144, trust: 2048 });
  });

  it("count characters without whitespace", () => {
    expect(policySize(' {\n\t"a" : "b c"\r\n}')).toBe(10);
  });

  it.each([
    ["user", 2048, "a user's inline policies"],
    ["group", 5120, "a group's inline policies"],
    ["role", 10240, "a role's inline policies"],
    ["managed", 6144, "a managed policy"],
    ["trust", 2048, "a role's trust policy"],
  ] as const)("%s: %i characters pass, one more fails", (entity, limit, holder) => {
    const padded = (n: number) => `${"x".repeat(n)}${" \n".repeat(500)}`;
    expect(checkPolicySize(padded(limit), entity)).toBeUndefined();
    expect(checkPolicySize(padded(limit + 1), entity)).toEqual({
      path: [],
      message: `${(limit + 1).toLocaleString("en-US")} characters without whitespace; IAM allows at most ${limit.toLocaleString("en-US")} for ${holder}`,
    });
  });
});
