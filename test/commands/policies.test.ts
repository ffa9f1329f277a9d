import { describe, expect, it } from "vitest";
import { useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

/** The policy the *addpolicy examples build, as the one JSON line -o prints. */
const S3_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":["arn:aws:s3:::*"]}]}';

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

const DENY_IAM = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}';

async function userPolicy(name: string): Promise<string> {
  const { PolicyDocument } = await moto.iam.getUserPolicy({ UserName: "david", PolicyName: name });
  return decodeURIComponent(PolicyDocument!);
}

async function groupPolicy(name: string): Promise<string> {
  const { PolicyDocument } = await moto.iam.getGroupPolicy({ GroupName: "Admin", PolicyName: name });
  return decodeURIComponent(PolicyDocument!);
}

const userPolicyNames = async () => (await moto.iam.listUserPolicies({ UserName: "david" })).PolicyNames;
const groupPolicyNames = async () => (await moto.iam.listGroupPolicies({ GroupName: "Admin" })).PolicyNames;

async function seedUserPolicies(...policies: [name: string, document: string][]) {
  for (const [PolicyName, PolicyDocument] of policies) {
    await moto.iam.putUserPolicy({ UserName: "david", PolicyName, PolicyDocument });
  }
}

async function seedGroupPolicies(...policies: [name: string, document: string][]) {
  for (const [PolicyName, PolicyDocument] of policies) {
    await moto.iam.putGroupPolicy({ GroupName: "Admin", PolicyName, PolicyDocument });
  }
}

describe("iam-useraddpolicy", () => {
  it("-o prints the generated policy as one JSON line and still stores it", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli("iam-useraddpolicy", "-u", "david", "-p", "S3All", "-e", "Allow", "-a", "s3:*", "-r", "arn:aws:s3:::*", "-o");
    expect(res).toEqual({ code: 0, stdout: `${S3_ALL}\n`, stderr: "" });
    expect(await userPolicy("S3All")).toBe(S3_ALL);
  });

  it("prints nothing without -o and puts every -a and -r into the one statement, in order", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli(
      "iam-useraddpolicy",
      "-u", "david", "-p", "Keys", "-e", "Deny",
      "-a", "iam:*AccessKey*", "-a", "iam:*SigningCertificate*",
      "-r", "arn:aws:iam::123456789012:user/david", "-r", "arn:aws:iam::123456789012:user/jeff",
    );
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(JSON.parse(await userPolicy("Keys"))).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Action: ["iam:*AccessKey*", "iam:*SigningCertificate*"],
          Resource: ["arn:aws:iam::123456789012:user/david", "arn:aws:iam::123456789012:user/jeff"],
        },
      ],
    });
  });

  it("refuses an effect other than Allow or Deny before sending anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli("iam-useraddpolicy", "-u", "david", "-p", "S3All", "-e", "Maybe", "-a", "s3:*", "-r", "*", "-o");
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-useraddpolicy: invalid value "Maybe" for -e: expected Allow or Deny\n',
    });
    expect(await userPolicyNames()).toEqual([]);
  });

  it("requires at least one -a", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli("iam-useraddpolicy", "-u", "david", "-p", "S3All", "-e", "Allow", "-r", "*");
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "iam-useraddpolicy: missing required option -a ACTION (an action the policy covers, such as s3:GetObject)\n",
    });
    expect(await userPolicyNames()).toEqual([]);
  });

  it("--json returns the generated document", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli("iam-useraddpolicy", "-u", "david", "-p", "S3All", "-e", "Allow", "-a", "s3:*", "-r", "arn:aws:s3:::*", "--json");
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ PolicyDocument: S3_ALL });
  });
});

describe("iam-groupaddpolicy", () => {
  it("-o prints the generated policy as one JSON line and still stores it", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    const res = await cli("iam-groupaddpolicy", "-g", "Admin", "-p", "S3All", "-e", "Allow", "-a", "s3:*", "-r", "arn:aws:s3:::*", "-o");
    expect(res).toEqual({ code: 0, stdout: `${S3_ALL}\n`, stderr: "" });
    expect(await groupPolicy("S3All")).toBe(S3_ALL);
  });

  it("prints nothing without -o", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    const res = await cli("iam-groupaddpolicy", "-g", "Admin", "-p", "S3All", "-e", "Allow", "-a", "s3:*", "-r", "arn:aws:s3:::*");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await groupPolicy("S3All")).toBe(S3_ALL);
  });

  it("refuses an effect other than Allow or Deny before sending anything", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    const res = await cli("iam-groupaddpolicy", "-g", "Admin", "-p", "S3All", "-e", "allow", "-a", "s3:*", "-r", "*");
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-groupaddpolicy: invalid value "allow" for -e: expected Allow or Deny\n',
    });
    expect(await groupPolicyNames()).toEqual([]);
  });

  it("reports a group that does not exist with the IAM error", async () => {
    const res = await cli("iam-groupaddpolicy", "-g", "Admin", "-p", "S3All", "-e", "Allow", "-a", "s3:*", "-r", "*");
    expect(res).toEqual({ code: 1, stdout: "", stderr: "iam-groupaddpolicy: error (NoSuchEntity): Group Admin not found\n" });
  });
});

describe("iam-useruploadpolicy", () => {
  it("-f stores the file's document exactly as written and prints nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    writeTestFile(moto, "read-reports.json", READ_REPORTS);
    expect(await cli("iam-useruploadpolicy", "-u", "david", "-p", "ReadReports", "-f", "read-reports.json")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(await userPolicy("ReadReports")).toBe(READ_REPORTS);
  });

  it("-o stores the given text, replacing a policy of the same name", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["Guard", S3_ALL]);
    expect(await cli("iam-useruploadpolicy", "-u", "david", "-p", "Guard", "-o", DENY_IAM)).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(await userPolicyNames()).toEqual(["Guard"]);
    expect(await userPolicy("Guard")).toBe(DENY_IAM);
  });

  it("-f - reads the document from standard input", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await runCli("iam-useruploadpolicy", ["-u", "david", "-p", "ReadReports", "-f", "-"], {
      env: moto.env,
      stdin: READ_REPORTS,
    });
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await userPolicy("ReadReports")).toBe(READ_REPORTS);
  });

  describe("refuses bad input before sending anything", () => {
    const cases: [what: string, setup: () => void, argv: string[], message: string][] = [
      ["a policy file that does not exist", () => {}, ["-f", "missing.json"], "policy file missing.json does not exist"],
      ["a directory as the policy file", () => {}, ["-f", "."], "policy file . is a directory"],
      [
        "a policy file that is not JSON",
        () => writeTestFile(moto, "no-comma.json", '{\n  "Version": "2012-10-17"\n  "Statement": []\n}\n'),
        ["-f", "no-comma.json"],
        "policy file no-comma.json line 3, column 3: not valid JSON: comma expected",
      ],
      [
        "a policy file whose mistake V8 reports without a position",
        () => writeTestFile(moto, "stray.json", '{\n  "Version": "2012-10-17",\n  "Statement": ]\n}\n'),
        ["-f", "stray.json"],
        "policy file stray.json line 3, column 16: not valid JSON: value expected",
      ],
      [
        "a policy file with typographic quotes",
        () => writeTestFile(moto, "pasted.json", '{\n  \u201cVersion\u201d: "2012-10-17"\n}\n'),
        ["-f", "pasted.json"],
        `policy file pasted.json line 2, column 3: character U+201C is not allowed in a policy (typographic quotes or dashes? use plain ASCII " ' -)`,
      ],
      [
        "both -f and -o",
        () => writeTestFile(moto, "read-reports.json", READ_REPORTS),
        ["-f", "read-reports.json", "-o", DENY_IAM],
        "give the policy with -f FILE or -o TEXT, not both",
      ],
      ["neither -f nor -o", () => {}, [], "a policy document is required: -f FILE or -o TEXT"],
    ];
    it.each(cases)("%s", async (_what, setup, argv, message) => {
      await moto.iam.createUser({ UserName: "david" });
      setup();
      expect(await cli("iam-useruploadpolicy", "-u", "david", "-p", "ReadReports", ...argv)).toEqual({
        code: 2,
        stdout: "",
        stderr: `iam-useruploadpolicy: ${message}\n`,
      });
      expect(await userPolicyNames()).toEqual([]);
    });
  });

  it("refuses valid JSON that is not a valid policy before sending it", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const noVendor = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}';
    expect(await cli("iam-useruploadpolicy", "-u", "david", "-p", "Bad", "-o", noVendor)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'iam-useruploadpolicy: policy given with -o, Statement[0].Action: "GetObject" has no service prefix; write service:action, such as s3:GetObject\n',
    });
    expect(await userPolicyNames()).toEqual([]);
  });

  it("passes on IAM's MalformedPolicyDocument for what only IAM knows: a region in an IAM ARN", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const regional = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam:eu-west-1:123456789012:user/david"}]}';
    expect(await cli("iam-useruploadpolicy", "-u", "david", "-p", "Bad", "-o", regional)).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "iam-useruploadpolicy: error (MalformedPolicyDocument): IAM resource arn:aws:iam:eu-west-1:123456789012:user/david cannot contain region information.\n",
    });
    expect(await userPolicyNames()).toEqual([]);
  });
});

describe("iam-groupuploadpolicy", () => {
  it("-f stores the file's document exactly as written and prints nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    writeTestFile(moto, "read-reports.json", READ_REPORTS);
    expect(await cli("iam-groupuploadpolicy", "-g", "Admin", "-p", "ReadReports", "-f", "read-reports.json")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(await groupPolicy("ReadReports")).toBe(READ_REPORTS);
  });

  it("refuses a policy that is not JSON before sending anything", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    expect(await cli("iam-groupuploadpolicy", "-g", "Admin", "-p", "Guard", "-o", '{"Version": "2012-10-17",}')).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-groupuploadpolicy: policy given with -o line 1, column 26: not valid JSON: property name expected\n",
    });
    expect(await groupPolicyNames()).toEqual([]);
  });
});

describe("iam-usergetpolicy", () => {
  it("prints the stored document decoded, line for line", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["ReadReports", READ_REPORTS]);
    expect(await cli("iam-usergetpolicy", "-u", "david", "-p", "ReadReports")).toEqual({
      code: 0,
      stdout: READ_REPORTS,
      stderr: "",
    });
  });

  it("ends a one-line document with a newline of its own", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["S3All", S3_ALL]);
    expect((await cli("iam-usergetpolicy", "-u", "david", "-p", "S3All")).stdout).toBe(`${S3_ALL}\n`);
  });

  it("--json shows the decoded document", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["S3All", S3_ALL]);
    const res = await cli("iam-usergetpolicy", "-u", "david", "-p", "S3All", "--json");
    expect(JSON.parse(res.stdout)).toEqual({ UserName: "david", PolicyName: "S3All", PolicyDocument: S3_ALL });
  });

  it("requires -p", async () => {
    expect(await cli("iam-usergetpolicy", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-usergetpolicy: missing required option -p POLICYNAME (the name of the policy)\n",
    });
  });

  it("reports a policy that does not exist with the IAM error", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-usergetpolicy", "-u", "david", "-p", "Nothing")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-usergetpolicy: error (NoSuchEntity): Policy Nothing not found\n",
    });
  });
});

describe("iam-groupgetpolicy", () => {
  it("prints the stored document decoded, line for line", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await seedGroupPolicies(["ReadReports", READ_REPORTS]);
    expect(await cli("iam-groupgetpolicy", "-g", "Admin", "-p", "ReadReports")).toEqual({
      code: 0,
      stdout: READ_REPORTS,
      stderr: "",
    });
  });

  it("refuses an invalid policy name before sending anything", async () => {
    expect(await cli("iam-groupgetpolicy", "-g", "Admin", "-p", "read reports")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-groupgetpolicy: invalid policy name "read reports": use only letters, digits and + = , . @ _ -\n',
    });
  });
});

describe("iam-userlistpolicies", () => {
  it("prints one name per line, then IsTruncated: false", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["DenyIam", DENY_IAM], ["ReadReports", READ_REPORTS]);
    expect(await cli("iam-userlistpolicies", "-u", "david")).toEqual({
      code: 0,
      stdout: "DenyIam\nReadReports\nIsTruncated: false\n",
      stderr: "",
    });
  });

  it("-v follows each name with its decoded document", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["DenyIam", DENY_IAM], ["ReadReports", READ_REPORTS]);
    expect(await cli("iam-userlistpolicies", "-u", "david", "-v")).toEqual({
      code: 0,
      stdout: `DenyIam\n${DENY_IAM}\nReadReports\n${READ_REPORTS}IsTruncated: false\n`,
      stderr: "",
    });
  });

  it("-v --json pairs every name with its document", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["DenyIam", DENY_IAM]);
    const res = await cli("iam-userlistpolicies", "-u", "david", "-v", "--json");
    expect(JSON.parse(res.stdout)).toEqual({
      PolicyNames: ["DenyIam"],
      Policies: [{ PolicyName: "DenyIam", PolicyDocument: DENY_IAM }],
    });
  });

  it("prints only the trailer for a user without policies", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userlistpolicies", "-u", "david", "-v")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("refuses an invalid user name before sending anything", async () => {
    expect(await cli("iam-userlistpolicies", "-u", "david jones")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userlistpolicies: invalid user name "david jones": use only letters, digits and + = , . @ _ -\n',
    });
  });

  it("reports a user that does not exist with the IAM error", async () => {
    expect(await cli("iam-userlistpolicies", "-u", "nobody")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userlistpolicies: error (NoSuchEntity): The user with name nobody cannot be found.\n",
    });
  });
});

describe("iam-grouplistpolicies", () => {
  it("prints one name per line, then IsTruncated: false", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await seedGroupPolicies(["AdminGroupPolicy", S3_ALL], ["DenyIam", DENY_IAM]);
    expect(await cli("iam-grouplistpolicies", "-g", "Admin")).toEqual({
      code: 0,
      stdout: "AdminGroupPolicy\nDenyIam\nIsTruncated: false\n",
      stderr: "",
    });
  });

  it("-v follows each name with its decoded document", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await seedGroupPolicies(["AdminGroupPolicy", READ_REPORTS], ["DenyIam", DENY_IAM]);
    expect(await cli("iam-grouplistpolicies", "-g", "Admin", "-v")).toEqual({
      code: 0,
      stdout: `AdminGroupPolicy\n${READ_REPORTS}DenyIam\n${DENY_IAM}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("requires -g", async () => {
    expect(await cli("iam-grouplistpolicies", "-v")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-grouplistpolicies: missing required option -g GROUPNAME (the name of the group)\n",
    });
  });
});

describe("iam-userdelpolicy", () => {
  it("deletes the policy and prints nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["DenyIam", DENY_IAM], ["ReadReports", READ_REPORTS]);
    expect(await cli("iam-userdelpolicy", "-u", "david", "-p", "DenyIam")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await userPolicyNames()).toEqual(["ReadReports"]);
  });

  it("refuses an invalid policy name before sending anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedUserPolicies(["DenyIam", DENY_IAM]);
    expect(await cli("iam-userdelpolicy", "-u", "david", "-p", "DenyIam/")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userdelpolicy: invalid policy name "DenyIam/": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await userPolicyNames()).toEqual(["DenyIam"]);
  });

  it("reports a policy that does not exist with the IAM error", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userdelpolicy", "-u", "david", "-p", "Nothing")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userdelpolicy: error (NoSuchEntity): Policy Nothing not found\n",
    });
  });
});

describe("iam-groupdelpolicy", () => {
  it("deletes the policy and prints nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await seedGroupPolicies(["AdminGroupPolicy", S3_ALL], ["DenyIam", DENY_IAM]);
    expect(await cli("iam-groupdelpolicy", "-g", "Admin", "-p", "AdminGroupPolicy")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await groupPolicyNames()).toEqual(["DenyIam"]);
  });

  it("requires -p, and deletes nothing", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await seedGroupPolicies(["AdminGroupPolicy", S3_ALL]);
    expect(await cli("iam-groupdelpolicy", "-g", "Admin")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-groupdelpolicy: missing required option -p POLICYNAME (the name of the policy)\n",
    });
    expect(await groupPolicyNames()).toEqual(["AdminGroupPolicy"]);
  });
});
