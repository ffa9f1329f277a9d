import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ROOT, fileMode, useMoto } from "./harness/moto.js";

/**
 * The seed articles' runbooks, run as shell scripts with the built iam-* bins on PATH against
 * moto: the whole path a user's shell takes, bin shim included.
 */
const moto = useMoto();
let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "iamkit-seed-"));
  mkdirSync(join(home, ".aws"), { mode: 0o700 });
  writeFileSync(join(home, ".aws/account-key"), "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE\nAWSSecretKey=master-secret\n", { mode: 0o600 });
});

/** Runs bash with the given arguments (a runbook path, or -c and a command line). */
function bash(args: string[], env: NodeJS.ProcessEnv = {}) {
  const res = spawnSync("bash", args, {
    env: {
      PATH: `${join(ROOT, ".bin")}:${process.env.PATH}`,
      HOME: home,
      AWS_IAM_URL: moto.url,
      AWS_CREDENTIAL_FILE: join(home, ".aws/account-key"),
      AWS_EC2_METADATA_DISABLED: "true",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const runScript = (script: string) => bash([join(ROOT, "test/seeds", script)]);

const arn = (kind: string, name: string) => `arn:aws:iam::123456789012:${kind}/${name}`;
const KEY_ID = /^AKIA[A-Z0-9]{16}$/;
/** The notice for a runbook's version-less policy file, sent with the Version added. */
const versionAdded = (prog: string, file: string) =>
  `${prog}: warning: policy file ${file} has no Version; "Version": "2012-10-17" is added before it is sent (the same meaning without policy variables)\n`;
const SECRET = /^[A-Za-z0-9/+]{40}$/;

describe("seed 000: getting started, then switching to the new user's own key", () => {
  it("creates the Admin group, its policy and david, and david's key then works with auth enforced", async () => {
    const part1 = runScript("000-getting-started.sh");
    expect(part1.stderr).toBe(versionAdded("iam-groupuploadpolicy", join(home, "Git/cloudartisan/aws/policies/AdminGroupPolicy.txt")));
    expect(part1.code).toBe(0);
    const lines = part1.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "Create a user, optionally adding it to groups and giving it an access key.",
      "iam-usercreate [options...] arguments...",
      arn("group", "Admin"),
      "IsTruncated: false",
    ]);
    expect(lines.slice(4, 6)).toEqual(["AdminGroupPolicy", "IsTruncated: false"]);
    const david = (await moto.iam.getUser({ UserName: "david" })).User!;
    expect(lines[6]).toMatch(KEY_ID);
    expect(lines[7]).toMatch(SECRET);
    expect(lines.slice(8)).toEqual([david.Arn, david.UserId, ""]);
    const stored = await moto.iam.getGroupPolicy({ GroupName: "Admin", PolicyName: "AdminGroupPolicy" });
    expect(JSON.parse(decodeURIComponent(stored.PolicyDocument!))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    });
    expect((await moto.iam.listGroupsForUser({ UserName: "david" })).Groups!.map((g) => g.GroupName)).toEqual(["Admin"]);

    await moto.enforceAuthAfter(0);
    try {
      const part2 = runScript("000-own-credentials.sh");
      expect(part2.stderr).toBe("");
      expect(part2.code).toBe(0);
      const [certId, ...rest] = part2.stdout.split("\n");
      expect(certId).toMatch(/^\w{24,128}$/);
      // iam-usergetattributes without -u answers for the caller: david, through his own key.
      expect(rest).toEqual([david.Arn, david.UserId, ""]);

      // A key that works but whose user may only use S3 is refused by IAM: exit 1, one line.
      const denied = bash(["-c", "iam-userlistbypath"], { AWS_CREDENTIAL_FILE: join(home, ".aws/s3only-cred.txt") });
      expect(denied).toEqual({
        code: 1,
        stdout: "",
        stderr:
          "iam-userlistbypath: error (AccessDenied): User: arn:aws:iam::123456789012:user/s3only is not authorized to perform: iam:ListUsers\n",
      });
    } finally {
      await moto.enforceAuthAfter("inf");
    }
    const certs = (await moto.iam.listSigningCertificates({ UserName: "david" })).Certificates!;
    expect(certs).toHaveLength(1);
    expect(certs[0].CertificateBody!.trim()).toBe(readFileSync(join(home, ".aws/cert.pem"), "utf8").trim());
    expect(fileMode(join(home, ".aws/david_cloudartisan_cred.txt"))).toBe(0o600);
  });
});

describe("seed 001: a service account with a certificate made through a CSR", () => {
  it("runs as typed", async () => {
    const res = runScript("001-service-account.sh");
    // The runbook gives a dashboard's group every action on every resource: stored, with the lint's warning.
    expect(res.stderr).toBe(
      versionAdded("iam-groupuploadpolicy", "/tmp/fullcontrol_iam_policy.json") +
        'iam-groupuploadpolicy: warning: policy file /tmp/fullcontrol_iam_policy.json line 3, Statement[0]: full admin (every action on every resource) for group "RightScaleDash", whose name does not say admin\n',
    );
    expect(res.code).toBe(0);
    const [keyId, secret, certId, end] = res.stdout.split("\n");
    expect(keyId).toMatch(KEY_ID);
    expect(secret).toMatch(SECRET);
    expect(certId).toMatch(/^\w{24,128}$/);
    expect(end).toBe("");
    expect((await moto.iam.getGroupPolicy({ GroupName: "RightScaleDash", PolicyName: "FullControl" })).PolicyName).toBe("FullControl");
    expect((await moto.iam.listSigningCertificates({ UserName: "rsdash" })).Certificates![0].CertificateId).toBe(certId);
  });
});

describe("seed 002: euca2ools' IAM guide", () => {
  const script = readFileSync(join(ROOT, "test/seeds/002-euca2ools-guide.sh"), "utf8");

  it.each([
    ["verbatim, with its euare- commands", script, "euare-"],
    ["with the IAMCli names (every euare- turned into iam-)", script.replaceAll("euare-", "iam-"), "iam-"],
  ])("runs %s", async (_how, text, prefix) => {
    // The guide's .eucarc names the endpoint with EUARE_URL, so AWS_IAM_URL (which wins) is left unset.
    const res = bash(["-c", text], { AWS_IAM_URL: "", MOTO_URL: moto.url });
    expect(res.stderr).toBe(versionAdded(`${prefix}groupuploadpolicy`, "allow-snapshot.json"));
    expect(res.code).toBe(0);
    const aliceKey = (await moto.iam.listAccessKeys({ UserName: "alice" })).AccessKeyMetadata![0].AccessKeyId;
    // IAMCli ended its lists with the IsTruncated trailer; euca2ools printed none.
    const iamcli = prefix === "iam-";
    const trailer = iamcli ? ["IsTruncated: false"] : [];
    // euca2ools headed its group list and prefixed each alias.
    expect(res.stdout).toBe(
      [
        ...(iamcli ? [arn("group", "administrators")] : ["groups", `   ${arn("group", "administrators")}`]),
        ...trailer,
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*"],"Resource":["*"]}]}',
        aliceKey,
        "2",
        "Login Profile Exists for User bob",
        "Login Profile Exists for User alice",
        iamcli ? "myaccount" : "Alias: myaccount",
        ...trailer,
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(home, ".iamrc"), "utf8")).toContain(`AWSAccessKeyId=${aliceKey}\n`);
    expect((await moto.iam.listUsers({})).Users!.map((u) => u.UserName).sort()).toEqual(["alice", "myscript"]);
    expect((await moto.iam.listGroups({})).Groups!.map((g) => g.GroupName).sort()).toEqual(["administrators", "ebs-backup"]);
    expect((await moto.iam.listGroupsForUser({ UserName: "myscript" })).Groups!.map((g) => g.GroupName)).toEqual(["ebs-backup"]);
    const stored = await moto.iam.getGroupPolicy({ GroupName: "ebs-backup", PolicyName: "allow-snapshot" });
    expect(JSON.parse(decodeURIComponent(stored.PolicyDocument!))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Action: ["ec2:CreateSnapshot"], Effect: "Allow", Resource: "*" }],
    });
  });
});

describe("seed 003: /app users and -e/-a/-r policies", () => {
  it("runs as typed: the typographic quotes and the short ARN are refused, naming the values to type", async () => {
    const res = runScript("003-app-users.sh");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(
      [
        `iam-groupaddpolicy: -a "\u201ciam:*\u201d" contains typographic quotes or dashes (pasted from a web page?); did you mean -a 'iam:*'?`,
        "exit 2",
        'iam-usercreate: warning: path "/app" does not end with /; using "/app/"',
        'iam-usercreate: warning: path "/app" does not end with /; using "/app/"',
        `iam-useraddpolicy: -a "\u201cs3:*\u201d" contains typographic quotes or dashes (pasted from a web page?); did you mean -a 's3:*'?`,
        "exit 2",
        'iam-useraddpolicy: generated policy, Statement[0].Resource[0]: "arn:aws:s3::*" is not "*" or an ARN (arn:partition:service:region:account:resource); did you mean arn:aws:s3:::*?',
        "exit 2",
        versionAdded("iam-useruploadpolicy", "ec2_iam_policy.txt").trimEnd(),
        "",
      ].join("\n"),
    );
    expect(res.stdout).toBe(
      [
        "IsTruncated: false",
        "2",
        arn("user", "family/jeff"),
        "IsTruncated: false",
        "2",
        "2",
        arn("user", "app/backup"),
        arn("user", "app/syndic8"),
        "IsTruncated: false",
        "dobackup",
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":["arn:aws:s3:::*"]}]}',
        "IsTruncated: false",
        "ec2",
        "IsTruncated: false",
        "",
      ].join("\n"),
    );
    expect((await moto.iam.getGroup({ GroupName: "admins" })).Users!.map((u) => u.UserName)).toEqual(["jeff"]);
    // A published 2013 script asks for pages of 1000 and cuts the paths out of the ARNs.
    const script = bash(["-c", "iam-userlistbypath -i 1000 | grep arn:aws:iam | cut -f2 -d/"]);
    expect(script.stderr).toBe("");
    expect(script.stdout.split("\n").sort()).toEqual(["", "app", "app", "family"]);
  });
});
