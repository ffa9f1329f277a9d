import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./harness/run-cli.js";
import { useOffline } from "./harness/offline.js";

/**
 * The bad-input matrix: every row is input iamkit must refuse before sending anything. Each row
 * runs against a recording endpoint, so "nothing was sent" is proven by an empty request log
 * rather than inferred from a server's state; no IAM server is needed.
 */
const offline = useOffline();

const DIRECTORY = Symbol("directory");
const UNREADABLE = Symbol("unreadable");
type FileSetup = string | Buffer | typeof DIRECTORY | typeof UNREADABLE;

interface Row {
  command: string;
  argv: string[];
  /** The one stderr line, prefix included. */
  stderr: string;
  /** 2: usage or input, 3: credentials or configuration. */
  code: 2 | 3;
  /** Files written into the row's own directory, which is also the working directory. */
  files?: Record<string, FileSetup>;
  stdin?: string;
  /** Variables over the scratch account's (AWS_IAM_URL is the recording endpoint unless a row replaces it). */
  env?: (wireUrl: string) => NodeJS.ProcessEnv;
  /** What the setup does, for rows whose argv alone does not say. */
  what?: string;
}

/**
 * chmod 000 stops everyone but root, and these tests may run as root. The kernel refuses to open a
 * write-only sysfs attribute for reading even for root, so there the unreadable file is a link to
 * one. Where neither works, the unreadable-file rows are left out rather than faked.
 */
const AS_ROOT = process.getuid?.() === 0;
const WRITE_ONLY_ATTRIBUTE = ["/sys/bus/cpu/uevent", "/sys/bus/cpu/drivers_probe", "/sys/bus/pci/rescan"].find((path) => {
  try {
    closeSync(openSync(path, "r"));
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EACCES";
  }
});
const CAN_MAKE_UNREADABLE = !AS_ROOT || WRITE_ONLY_ATTRIBUTE !== undefined;
const ifUnreadableFiles = (row: Row): Row[] => (CAN_MAKE_UNREADABLE ? [row] : []);

function setUp(dir: string, files: Record<string, FileSetup>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    if (content === DIRECTORY) mkdirSync(path);
    else if (content === UNREADABLE && AS_ROOT) symlinkSync(WRITE_ONLY_ATTRIBUTE!, path);
    else if (content === UNREADABLE) {
      writeFileSync(path, "{}");
      chmodSync(path, 0o000);
    }
    // 0600: a credential file readable by others earns a warning line, which is not what these rows test.
    else writeFileSync(path, content, { mode: 0o600 });
  }
}

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const CERT_ID = "ABCDEFGHIJKLMNOPQRSTUVWX";
const SSH_KEY_ID = "APKAEIBAERJR2EXAMPLE";
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}';
const SIMPLE = ["-e", "Allow", "-a", "iam:*"];
const BROKEN_JSON = '{"Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "*"}\n  ]\n}\n';
const NOT_UTF8 = Buffer.concat([Buffer.from('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:'), Buffer.from([0xff]), Buffer.from('","Resource":"*"}]}')]);
const SNOWMAN = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:\u2603","Resource":"*"}]}';
/** A document of `count` identical-size statements, pretty-printed: IAM's limits do not count the whitespace. */
const policyOf = (count: number) =>
  JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: Array.from({ length: count }, (_, i) => ({ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::bucket-${String(i).padStart(4, "0")}/*` })),
    },
    null,
    2,
  );
const statements = (...list: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: list });
const TYPOGRAPHIC_POLICY = '{\n  \u201cVersion\u201d: "2012-10-17"\n}\n';

const rows: Row[] = [
  // Missing options and values.
  { command: "iam-usercreate", argv: [], code: 2, stderr: "iam-usercreate: missing required option -u USERNAME (the name of the user)" },
  { command: "iam-groupadduser", argv: ["-g", "Admins"], code: 2, stderr: "iam-groupadduser: missing required option -u USERNAME (the name of the user)" },
  { command: "iam-usergetpolicy", argv: ["-u", "bob"], code: 2, stderr: "iam-usergetpolicy: missing required option -p POLICYNAME (the name of the policy)" },
  { command: "iam-usermodkey", argv: ["-u", "bob", "-s", "Active"], code: 2, stderr: "iam-usermodkey: missing required option -k ACCESSKEYID (the access key id)" },
  { command: "iam-groupaddpolicy", argv: ["-g", "Admins", "-p", "pol", ...SIMPLE], code: 2, stderr: "iam-groupaddpolicy: missing required option -r RESOURCE (an ARN the policy covers, or *)" },
  {
    command: "iam-userenablemfadevice",
    argv: ["-u", "bob", "-s", "GAHT12345678", "-c1", "123456"],
    code: 2,
    stderr: "iam-userenablemfadevice: missing required option -c2 CODE (the next code the device shows after it, 6 digits)",
  },
  { command: "iam-userlistkeys", argv: ["-u"], code: 2, stderr: "iam-userlistkeys: option -u needs a value (USERNAME); see iam-userlistkeys -h" },
  { command: "iam-useraddloginprofile", argv: ["-u", "bob", "-p"], code: 2, stderr: "iam-useraddloginprofile: option -p needs a value (PASSWORD); see iam-useraddloginprofile -h" },
  { command: "iam-userlistbypath", argv: ["--url"], code: 2, stderr: "iam-userlistbypath: option --url needs a value (SERVICEENDPOINT); see iam-userlistbypath -h" },
  { command: "iam-usertag", argv: ["-u", "bob", "--tag"], code: 2, stderr: "iam-usertag: option -t needs a value (KEY=VALUE); see iam-usertag -h" },
  { command: "iam-userdel", argv: ["-ru"], code: 2, stderr: "iam-userdel: option -u needs a value (USERNAME); see iam-userdel -h" },
  { command: "iam-usermodkey", argv: ["--stat", "x"], code: 2, stderr: "iam-usermodkey: unknown option '--stat' (Did you mean --status?); see iam-usermodkey -h" },
  // Another option is no value: `-u -r` must not delete a user named "-r" (`--user-name=-r` still can).
  { command: "iam-userdel", argv: ["-u", "-r"], code: 2, stderr: "iam-userdel: option -u needs a value (USERNAME); see iam-userdel -h" },
  { command: "iam-useruploadpolicy", argv: ["-u", "bob", "-p", "pol"], code: 2, stderr: "iam-useruploadpolicy: a policy document is required: -f FILE or -o TEXT" },
  { command: "iam-rolecreate", argv: ["-r", "app"], code: 2, stderr: "iam-rolecreate: a trust policy is required: -s SERVICE or -f FILE" },
  { command: "iam-useraddcert", argv: ["-u", "bob"], code: 2, stderr: "iam-useraddcert: a certificate is required: -f CERTFILE, or --generate to create one" },
  { command: "iam-groupmod", argv: ["-g", "Admins"], code: 2, stderr: "iam-groupmod: nothing to change: give a new name (-n), a new path (-p) or both" },

  // Unknown options (a value after = is never echoed: it may be a password), stray and repeated arguments.
  { command: "iam-usercreate", argv: ["-u", "bob", "--bogus"], code: 2, stderr: "iam-usercreate: unknown option '--bogus'; see iam-usercreate -h" },
  { command: "iam-userlistkeys", argv: ["-u", "bob", "-x"], code: 2, stderr: "iam-userlistkeys: unknown option '-x'; see iam-userlistkeys -h" },
  { command: "iam-usercreate", argv: ["-u", "bob", "--password=hunter2"], code: 2, stderr: "iam-usercreate: unknown option '--password=...'; see iam-usercreate -h" },
  {
    command: "iam-useraddloginprofile",
    argv: ["-u", "bob", "--pasword=Sup3rSecret!"],
    code: 2,
    stderr: "iam-useraddloginprofile: unknown option '--pasword=...'; see iam-useraddloginprofile -h",
  },
  // A mistyped option or a stray word is named before the required options it leaves missing.
  {
    command: "iam-usergetpolicy",
    argv: ["--user-nme", "bob"],
    code: 2,
    stderr: "iam-usergetpolicy: unknown option '--user-nme' (Did you mean --user-name?); see iam-usergetpolicy -h",
  },
  {
    command: "iam-usergetpolicy",
    argv: ["bob", "extra"],
    code: 2,
    stderr: "iam-usergetpolicy: unexpected argument; every value belongs to an option (quote values with spaces); see iam-usergetpolicy -h",
  },
  // The bare user name fills the required -u; -p is still missing.
  { command: "iam-usergetpolicy", argv: ["bob"], code: 2, stderr: "iam-usergetpolicy: missing required option -p POLICYNAME (the name of the policy)" },
  // --recursive exists: calling it unknown sends the reader looking for a typo that is not there.
  { command: "iam-userdel", argv: ["-u", "bob", "--recursive=hunter2"], code: 2, stderr: "iam-userdel: option --recursive takes no value; see iam-userdel -h" },
  {
    command: "iam-usercreate",
    argv: ["-u", "bob", "extra"],
    code: 2,
    stderr: "iam-usercreate: unexpected argument: -u is already given, and no other option takes a bare value (quote values with spaces)",
  },
  // The last -u silently winning would delete "victim" when "keep" was also named.
  { command: "iam-userdel", argv: ["-u", "keep", "-u", "victim"], code: 2, stderr: "iam-userdel: option -u is given more than once; see iam-userdel -h" },
  {
    command: "iam-useraddloginprofile",
    argv: ["-u", "bob", "-p", "Secret-One1", "-p", "Secret-Two2"],
    code: 2,
    stderr: "iam-useraddloginprofile: option -p is given more than once; see iam-useraddloginprofile -h",
  },

  // Conflicting options.
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-f", "policy.json", "-o", POLICY],
    files: { "policy.json": POLICY },
    code: 2,
    stderr: "iam-useruploadpolicy: give the policy with -f FILE or -o TEXT, not both",
  },
  {
    command: "iam-groupuploadpolicy",
    argv: ["-g", "Admins", "-p", "pol", "-f", "policy.json", "-o", POLICY],
    files: { "policy.json": POLICY },
    code: 2,
    stderr: "iam-groupuploadpolicy: give the policy with -f FILE or -o TEXT, not both",
  },
  {
    command: "iam-roleuploadpolicy",
    argv: ["-r", "app", "-p", "pol", "-f", "policy.json", "-o", POLICY],
    files: { "policy.json": POLICY },
    code: 2,
    stderr: "iam-roleuploadpolicy: give the policy with -f FILE or -o TEXT, not both",
  },
  { command: "iam-userdel", argv: ["-u", "bob", "-p"], code: 2, stderr: "iam-userdel: -p (pretend) can only be used with -r" },
  { command: "iam-groupdel", argv: ["-g", "Admins", "-p"], code: 2, stderr: "iam-groupdel: -p (pretend) can only be used with -r" },
  {
    command: "iam-rolecreate",
    argv: ["-r", "app", "-s", "ec2.amazonaws.com", "-f", "trust.json"],
    files: { "trust.json": POLICY },
    code: 2,
    stderr: "iam-rolecreate: give the trust policy with -s SERVICE or -f FILE, not both",
  },
  {
    command: "iam-useraddloginprofile",
    argv: ["-u", "bob", "-p", "Sup3r-Secret", "--password-file", "password"],
    files: { password: "Sup3r-Secret\n" },
    code: 2,
    stderr: "iam-useraddloginprofile: give the password with -p or --password-file, not both",
  },
  {
    command: "iam-useraddcert",
    argv: ["-u", "bob", "-f", "cert.pem", "--key-size", "4096"],
    files: { "cert.pem": "not a certificate\n" },
    code: 2,
    stderr: "iam-useraddcert: --key-size only applies with --generate",
  },

  // Names, lengths and paths.
  { command: "iam-usercreate", argv: ["-u", "bad name"], code: 2, stderr: 'iam-usercreate: invalid user name "bad name": use only letters, digits and + = , . @ _ -' },
  { command: "iam-usercreate", argv: ["-u", "a".repeat(65)], code: 2, stderr: `iam-usercreate: invalid user name "${"a".repeat(65)}": must be 1 to 64 characters` },
  // `-u "$(cat names)"` with two lines: the echoed value must not break the message into two lines.
  {
    command: "iam-usercreate",
    argv: ["-u", "bob\nalice"],
    code: 2,
    stderr: 'iam-usercreate: invalid user name "bob\\nalice": use only letters, digits and + = , . @ _ -',
  },
  { command: "iam-groupcreate", argv: ["-g", ""], code: 2, stderr: 'iam-groupcreate: invalid group name "": must be 1 to 128 characters' },
  { command: "iam-groupcreate", argv: ["-g", "g".repeat(129)], code: 2, stderr: `iam-groupcreate: invalid group name "${"g".repeat(129)}": must be 1 to 128 characters` },
  {
    command: "iam-rolecreate",
    argv: ["-r", "r".repeat(65), "-s", "ec2.amazonaws.com"],
    code: 2,
    stderr: `iam-rolecreate: invalid role name "${"r".repeat(65)}": must be 1 to 64 characters`,
  },
  {
    command: "iam-roleuploadpolicy",
    argv: ["-r", "app", "-p", "bad/name", "-o", POLICY],
    code: 2,
    stderr: 'iam-roleuploadpolicy: invalid policy name "bad/name": use only letters, digits and + = , . @ _ -',
  },
  { command: "euare-roledel", argv: ["bad role"], code: 2, stderr: 'euare-roledel: invalid role name "bad role": use only letters, digits and + = , . @ _ -' },
  {
    command: "iam-instanceprofilecreate",
    argv: ["-s", "ip#1"],
    code: 2,
    stderr: 'iam-instanceprofilecreate: invalid instance profile name "ip#1": use only letters, digits and + = , . @ _ -',
  },
  { command: "iam-servercertdel", argv: ["-s", "a b"], code: 2, stderr: 'iam-servercertdel: invalid server certificate name "a b": use only letters, digits and + = , . @ _ -' },
  { command: "iam-usercreate", argv: ["-u", "bob", "-g", "a,,b"], code: 2, stderr: 'iam-usercreate: invalid group name "": must be 1 to 128 characters' },
  { command: "iam-usercreate", argv: ["-u", "bob", "-p", "staff/"], code: 2, stderr: 'iam-usercreate: invalid path "staff/": must begin and end with /' },
  {
    command: "iam-userlistbypath",
    argv: ["-p", "/a b/"],
    code: 2,
    stderr: 'iam-userlistbypath: invalid path "/a b/": only printable ASCII characters without spaces are allowed',
  },
  { command: "iam-groupcreate", argv: ["-g", "Admins", "-p", `/${"p".repeat(520)}/`], code: 2, stderr: `iam-groupcreate: invalid path "/${"p".repeat(520)}/": longer than 512 characters` },

  // Choices: -e and -s.
  { command: "iam-useraddpolicy", argv: ["-u", "bob", "-p", "pol", "-e", "Maybe", "-a", "iam:*", "-r", "*"], code: 2, stderr: 'iam-useraddpolicy: invalid value "Maybe" for -e: expected Allow or Deny' },
  { command: "iam-groupaddpolicy", argv: ["-g", "Admins", "-p", "pol", "-e", "allow", "-a", "iam:*", "-r", "*"], code: 2, stderr: 'iam-groupaddpolicy: invalid value "allow" for -e: expected Allow or Deny' },
  { command: "iam-usermodkey", argv: ["-u", "bob", "-k", KEY_ID, "-s", "Enabled"], code: 2, stderr: 'iam-usermodkey: invalid value "Enabled" for -s: expected Active or Inactive' },
  { command: "iam-usermodcert", argv: ["-u", "bob", "-c", CERT_ID, "-s", "Disabled"], code: 2, stderr: 'iam-usermodcert: invalid value "Disabled" for -s: expected Active or Inactive' },
  { command: "iam-usermodsshkey", argv: ["-u", "bob", "-k", SSH_KEY_ID, "-s", "active"], code: 2, stderr: 'iam-usermodsshkey: invalid value "active" for -s: expected Active or Inactive' },

  // Key, certificate and SSH key ids.
  { command: "iam-usermodkey", argv: ["-u", "bob", "-k", "AKIA", "-s", "Active"], code: 2, stderr: 'iam-usermodkey: invalid access key id "AKIA": expected 16 to 128 letters and digits' },
  {
    command: "iam-userdelkey",
    argv: ["-u", "bob", "-k", "AKIAIOSFODNN7EXAMPL!"],
    code: 2,
    stderr: 'iam-userdelkey: invalid access key id "AKIAIOSFODNN7EXAMPL!": expected 16 to 128 letters and digits',
  },
  { command: "iam-usermodcert", argv: ["-u", "bob", "-c", "SHORT", "-s", "Active"], code: 2, stderr: 'iam-usermodcert: invalid certificate id "SHORT": expected 24 to 128 letters and digits' },
  {
    command: "iam-userdelcert",
    argv: ["-u", "bob", "-c", "ABCDEFGHIJKLMNOPQRSTUVW-"],
    code: 2,
    stderr: 'iam-userdelcert: invalid certificate id "ABCDEFGHIJKLMNOPQRSTUVW-": expected 24 to 128 letters and digits',
  },
  { command: "iam-usermodsshkey", argv: ["-u", "bob", "-k", "APKA", "-s", "Active"], code: 2, stderr: 'iam-usermodsshkey: invalid SSH public key id "APKA": expected 20 to 128 letters and digits' },

  // Policy documents.
  { command: "iam-useruploadpolicy", argv: ["-u", "bob", "-p", "pol", "-f", "nosuch.json"], code: 2, stderr: "iam-useruploadpolicy: policy file nosuch.json does not exist" },
  {
    command: "iam-groupuploadpolicy",
    argv: ["-g", "Admins", "-p", "pol", "-f", "policies"],
    files: { policies: DIRECTORY },
    code: 2,
    stderr: "iam-groupuploadpolicy: policy file policies is a directory",
  },
  ...ifUnreadableFiles({
    command: "iam-roleuploadpolicy",
    argv: ["-r", "app", "-p", "pol", "-f", "policy.json"],
    files: { "policy.json": UNREADABLE },
    code: 2,
    stderr: "iam-roleuploadpolicy: policy file policy.json is not readable (permission denied)",
    what: "(unreadable)",
  }),
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-f", "latin1.json"],
    files: { "latin1.json": NOT_UTF8 },
    code: 2,
    stderr: "iam-useruploadpolicy: policy file latin1.json is not valid UTF-8 text",
  },
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-f", "broken.json"],
    files: { "broken.json": BROKEN_JSON },
    code: 2,
    stderr: "iam-useruploadpolicy: policy file broken.json line 3, column 24: not valid JSON: comma expected",
  },
  {
    command: "iam-groupuploadpolicy",
    argv: ["-g", "Admins", "-p", "pol", "-f", "empty.json"],
    files: { "empty.json": "" },
    code: 2,
    stderr: "iam-groupuploadpolicy: policy file empty.json line 1, column 1: not valid JSON: value expected",
  },
  {
    command: "iam-groupuploadpolicy",
    argv: ["-g", "Admins", "-p", "pol", "-o", '{"Version":'],
    code: 2,
    stderr: "iam-groupuploadpolicy: policy given with -o line 1, column 12: not valid JSON: value expected",
  },
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-f", "-"],
    stdin: "nope\n",
    code: 2,
    stderr: "iam-useruploadpolicy: policy file (standard input) line 1, column 1: not valid JSON: invalid symbol",
  },
  {
    command: "iam-roleuploadpolicy",
    argv: ["-r", "app", "-p", "pol", "-f", "snowman.json"],
    files: { "snowman.json": SNOWMAN },
    code: 2,
    stderr: "iam-roleuploadpolicy: policy file snowman.json line 1, column 69: character U+2603 is not allowed in a policy",
  },
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-f", "blog.json"],
    files: { "blog.json": TYPOGRAPHIC_POLICY },
    code: 2,
    stderr: `iam-useruploadpolicy: policy file blog.json line 2, column 3: character U+201C is not allowed in a policy (typographic quotes or dashes? use plain ASCII " ' -)`,
  },
  {
    command: "iam-policycreate",
    argv: ["-p", "pol", "-f", "broken.json"],
    files: { "broken.json": BROKEN_JSON },
    code: 2,
    stderr: "iam-policycreate: policy file broken.json line 3, column 24: not valid JSON: comma expected",
  },
  {
    command: "iam-roleupdateassumepolicy",
    argv: ["-r", "app", "-f", "trust.json"],
    files: { "trust.json": BROKEN_JSON },
    code: 2,
    stderr: "iam-roleupdateassumepolicy: policy file trust.json line 3, column 24: not valid JSON: comma expected",
  },

  // Typographic quotes and dashes pasted into arguments.
  {
    command: "iam-useraddpolicy",
    argv: ["-u", "bob", "-p", "pol", "-e", "Allow", "-a", "\u201ciam:*\u201d", "-r", "*"],
    code: 2,
    stderr: `iam-useraddpolicy: -a "\u201ciam:*\u201d" contains typographic quotes or dashes (pasted from a web page?); did you mean -a 'iam:*'?`,
  },
  {
    command: "iam-roleaddpolicy",
    argv: ["-r", "app", "-p", "pol", ...SIMPLE, "-c", "\u2018*\u2019"],
    code: 2,
    stderr: `iam-roleaddpolicy: -c "\u2018*\u2019" contains typographic quotes or dashes (pasted from a web page?); did you mean -c '*'?`,
  },
  {
    command: "iam-usercreate",
    argv: ["-u", "bob", "-p", "/a\u2013b/"],
    code: 2,
    stderr: `iam-usercreate: -p "/a\u2013b/" contains typographic quotes or dashes (pasted from a web page?); did you mean -p '/a-b/'?`,
  },
  // A pasted multi-line document is not echoed back: its own check gives line and column.
  {
    command: "iam-groupuploadpolicy",
    argv: ["-g", "Admins", "-p", "pol", "-o", '{\n  \u201cVersion\u201d: "2012-10-17"\n}'],
    code: 2,
    stderr: `iam-groupuploadpolicy: policy given with -o line 2, column 3: character U+201C is not allowed in a policy (typographic quotes or dashes? use plain ASCII " ' -)`,
  },
  // A flag typed with a typographic dash is not a stray value: say which flag was meant.
  { command: "iam-userdel", argv: ["\u2014u", "bob"], code: 2, stderr: 'iam-userdel: "\u2014u" begins with a typographic dash (pasted from a web page?); did you mean -u?' },
  {
    command: "iam-userdel",
    argv: ["-u", "bob", "\u2014recursive"],
    code: 2,
    stderr: 'iam-userdel: "\u2014recursive" begins with a typographic dash (pasted from a web page?); did you mean --recursive?',
  },

  // Certificates, keys and their files.
  {
    command: "iam-useraddcert",
    argv: ["-u", "bob", "-f", "cert.pem"],
    files: { "cert.pem": POLICY },
    code: 2,
    stderr: 'iam-useraddcert: certificate file cert.pem holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)',
  },
  {
    command: "iam-servercertupload",
    argv: ["-s", "web", "-b", "cert.pem", "-k", "key.pem"],
    files: { "cert.pem": "MIIB...not PEM\n", "key.pem": "not a key\n" },
    code: 2,
    stderr: 'iam-servercertupload: certificate file cert.pem holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)',
  },
  {
    command: "iam-useraddsshkey",
    argv: ["-u", "bob", "-f", "id_rsa.pub"],
    files: { "id_rsa.pub": "not a key\n" },
    code: 2,
    stderr:
      'iam-useraddsshkey: id_rsa.pub does not hold an SSH public key: expected an OpenSSH public key ("ssh-rsa AAAA..." or "ssh-ed25519 AAAA...") or a PEM public key',
  },
  { command: "iam-useraddcert", argv: ["-u", "bob", "--generate", "--key-size", "1024"], code: 2, stderr: 'iam-useraddcert: --key-size must be a whole number from 2048 to 16384, not "1024"' },
  { command: "iam-servercertupload", argv: ["-s", "web", "--generate", "--key-size", "big"], code: 2, stderr: 'iam-servercertupload: --key-size must be a whole number from 2048 to 16384, not "big"' },

  // Credential files (exit 3): messages name the file and line, never a line's content.
  { command: "iam-userlistbypath", argv: [], env: () => ({ AWS_CREDENTIAL_FILE: "nosuch" }), what: "(AWS_CREDENTIAL_FILE missing)", code: 3, stderr: "iam-userlistbypath: credential file nosuch does not exist" },
  { command: "iam-userlistbypath", argv: ["--aws-credential-file", "nosuch"], code: 3, stderr: "iam-userlistbypath: credential file nosuch does not exist" },
  {
    command: "iam-userlistbypath",
    argv: [],
    files: { creds: `AWSAccessKeyId=${KEY_ID}\n` },
    env: () => ({ AWS_CREDENTIAL_FILE: "creds" }),
    what: "(no AWSSecretKey)",
    code: 3,
    stderr: "iam-userlistbypath: credential file creds has no AWSSecretKey line",
  },
  {
    command: "iam-userlistbypath",
    argv: ["--aws-credential-file", "creds"],
    files: { creds: `AWSAccessKeyId=${KEY_ID}\n${SECRET}\n` },
    what: "(a bare secret line)",
    code: 3,
    stderr: "iam-userlistbypath: credential file creds line 2: expected KEY=VALUE",
  },
  {
    command: "iam-userlistbypath",
    argv: ["--aws-credential-file", "creds"],
    files: { creds: `AWSAccessKeyId=${KEY_ID}\nAWSSecretKey=${SECRET}\nRegion=us-east-1\n` },
    what: "(unknown key)",
    code: 3,
    stderr: 'iam-userlistbypath: credential file creds line 3: unknown "Region" (expected AWSAccessKeyId or AWSSecretKey)',
  },
  {
    command: "iam-userlistbypath",
    argv: ["--aws-credential-file", "creds"],
    files: { creds: `AWSAccessKeyId=${KEY_ID}\n${SECRET}=\n` },
    what: "(a secret as the key)",
    code: 3,
    stderr: "iam-userlistbypath: credential file creds line 2: unknown key (expected AWSAccessKeyId or AWSSecretKey)",
  },
  {
    command: "iam-userlistbypath",
    argv: ["--aws-credential-file", "creds"],
    files: { creds: `AWSAccessKeyId=${KEY_ID}\nAWSSecretKey=\n` },
    what: "(empty secret)",
    code: 3,
    stderr: "iam-userlistbypath: credential file creds line 2: AWSSecretKey has no value",
  },
  {
    command: "iam-userlistbypath",
    argv: ["--aws-credential-file", "creds"],
    files: { creds: DIRECTORY },
    what: "(a directory)",
    code: 3,
    stderr: "iam-userlistbypath: credential file creds is a directory",
  },
  ...ifUnreadableFiles({
    command: "iam-userlistbypath",
    argv: [],
    files: { creds: UNREADABLE },
    env: () => ({ AWS_CREDENTIAL_FILE: "creds" }),
    what: "(unreadable)",
    code: 3,
    stderr: "iam-userlistbypath: credential file creds is not readable",
  }),

  // Endpoints: a bad --url is a usage error (2), a bad variable a configuration error (3). The
  // variable rows keep the wire as AWS_ENDPOINT_URL, so skipping the bad value would be recorded.
  { command: "iam-userlistbypath", argv: ["--url", "not a url"], code: 2, stderr: 'iam-userlistbypath: invalid endpoint URL "not a url" from --url: expected http(s)://host[:port][/path]' },
  { command: "iam-userlistbypath", argv: ["--url", "ftp://example.com/"], code: 2, stderr: 'iam-userlistbypath: invalid endpoint URL "ftp://example.com/" from --url: the scheme must be http or https' },
  {
    command: "iam-userlistbypath",
    argv: [],
    env: (url) => ({ AWS_IAM_URL: "ftp://example.com/", AWS_ENDPOINT_URL: url }),
    what: "(AWS_IAM_URL=ftp://example.com/)",
    code: 3,
    stderr: 'iam-userlistbypath: invalid endpoint URL "ftp://example.com/" from AWS_IAM_URL: the scheme must be http or https',
  },
  {
    command: "iam-userlistbypath",
    argv: [],
    env: (url) => ({ AWS_IAM_URL: "http://", AWS_ENDPOINT_URL: url }),
    what: "(AWS_IAM_URL=http://)",
    code: 3,
    stderr: 'iam-userlistbypath: invalid endpoint URL "http://" from AWS_IAM_URL: expected http(s)://host[:port][/path]',
  },
  // The SDK's own refusal of this region is exit 1, the code for IAM's answers: it is a bad flag.
  { command: "iam-userlistbypath", argv: ["--region", "us east"], code: 2, stderr: 'iam-userlistbypath: invalid region "us east": expected a region name such as us-east-1' },

  // Tags.
  { command: "iam-usercreate", argv: ["-u", "bob", "--tag", "novalue"], code: 2, stderr: 'iam-usercreate: invalid tag "novalue": expected KEY=VALUE' },
  { command: "iam-usertag", argv: ["-u", "bob", "-t", "=v"], code: 2, stderr: 'iam-usertag: invalid tag "=v": expected KEY=VALUE' },
  { command: "iam-roletag", argv: ["-r", "app", "-t", "k=v", "-t", "K=w"], code: 2, stderr: 'iam-roletag: tag key "K" is given twice' },
  { command: "iam-useruntag", argv: ["-u", "bob", "-k", ""], code: 2, stderr: "iam-useruntag: invalid tag key: it must not be empty" },

  // Managed policy ARNs.
  {
    command: "iam-userattachpolicy",
    argv: ["-u", "bob", "-a", "AdministratorAccess"],
    code: 2,
    stderr: 'iam-userattachpolicy: invalid policy ARN "AdministratorAccess": expected arn:aws:iam::<account>:policy/<name>',
  },
  {
    command: "iam-groupattachpolicy",
    argv: ["-g", "Admins", "-a", "arn:aws:iam::12345:policy/x"],
    code: 2,
    stderr: 'iam-groupattachpolicy: invalid policy ARN "arn:aws:iam::12345:policy/x": expected arn:aws:iam::<account>:policy/<name>',
  },
  { command: "iam-policydel", argv: ["-a", "arn:aws:s3:::bucket"], code: 2, stderr: 'iam-policydel: invalid policy ARN "arn:aws:s3:::bucket": expected arn:aws:iam::<account>:policy/<name>' },
  {
    command: "iam-policysetdefaultversion",
    argv: ["-a", "arn:aws:iam::123456789012:policy/p", "-s", "V1"],
    code: 2,
    stderr: 'iam-policysetdefaultversion: invalid policy version id "V1": expected v and a number, such as v2',
  },
  {
    command: "iam-usercreate",
    argv: ["-u", "bob", "--permissions-boundary", "arn:aws:iam::aws:policy/"],
    code: 2,
    stderr: 'iam-usercreate: invalid policy ARN "arn:aws:iam::aws:policy/": expected arn:aws:iam::<account>:policy/<name>',
  },

  // MFA devices: the codes are never repeated.
  { command: "iam-userenablemfadevice", argv: ["-u", "bob", "-s", "GAHT12345678", "-c1", "12345", "-c2", "654321"], code: 2, stderr: "iam-userenablemfadevice: -c1 must be a 6-digit code from the MFA device" },
  { command: "iam-userresyncmfadevice", argv: ["-u", "bob", "-s", "GAHT12345678", "-c1", "123456", "-c2", "abcdef"], code: 2, stderr: "iam-userresyncmfadevice: -c2 must be a 6-digit code from the MFA device" },
  {
    command: "iam-userdeactivatemfadevice",
    argv: ["-u", "bob", "-s", "GAHT"],
    code: 2,
    stderr:
      'iam-userdeactivatemfadevice: invalid MFA serial number "GAHT": expected a hardware device\'s serial or a virtual device\'s ARN (9 to 256 letters, digits and + = / : , . @ _ -)',
  },
  {
    command: "iam-virtualmfadevicedel",
    argv: ["-s", "bob"],
    code: 2,
    stderr: 'iam-virtualmfadevicedel: invalid virtual MFA device serial number "bob": expected its ARN, arn:aws:iam::<account>:mfa/<name> (iam-virtualmfadevicelist shows them)',
  },

  // Password policy numbers.
  { command: "iam-accountmodpasswordpolicy", argv: ["-m", "5"], code: 2, stderr: 'iam-accountmodpasswordpolicy: -m (--minimum-password-length) must be a whole number from 6 to 128, not "5"' },
  { command: "iam-accountmodpasswordpolicy", argv: ["-m", "12.5"], code: 2, stderr: 'iam-accountmodpasswordpolicy: -m (--minimum-password-length) must be a whole number from 6 to 128, not "12.5"' },
  { command: "iam-accountmodpasswordpolicy", argv: ["-a", "0"], code: 2, stderr: 'iam-accountmodpasswordpolicy: -a (--max-password-age) must be a whole number from 1 to 1095, not "0"' },
  { command: "iam-accountmodpasswordpolicy", argv: ["-r", "25"], code: 2, stderr: 'iam-accountmodpasswordpolicy: -r (--password-reuse-prevention) must be a whole number from 1 to 24, not "25"' },

  // Account aliases.
  {
    command: "iam-accountaliascreate",
    argv: ["-a", "My-Company"],
    code: 2,
    stderr: 'iam-accountaliascreate: invalid account alias "My-Company": use 3 to 63 lowercase letters, digits and single hyphens, not at either end',
  },
  {
    command: "iam-accountaliascreate",
    argv: ["-a", "a--b"],
    code: 2,
    stderr: 'iam-accountaliascreate: invalid account alias "a--b": use 3 to 63 lowercase letters, digits and single hyphens, not at either end',
  },
  { command: "iam-accountaliascreate", argv: ["-a", "123456789012"], code: 2, stderr: 'iam-accountaliascreate: invalid account alias "123456789012": cannot be a 12-digit number' },
  { command: "iam-accountaliasdelete", argv: ["-a", "ab"], code: 2, stderr: 'iam-accountaliasdelete: invalid account alias "ab": use 3 to 63 lowercase letters, digits and single hyphens, not at either end' },

  // Login passwords: the message says what is wrong, never the password.
  { command: "iam-useraddloginprofile", argv: ["-u", "bob", "-p", ""], code: 2, stderr: "iam-useraddloginprofile: invalid password from -p: it is empty" },
  {
    command: "iam-usermodloginprofile",
    argv: ["-u", "bob", "-p", "p\u00e4ssw\u00f6rd\u2603"],
    code: 2,
    stderr: "iam-usermodloginprofile: invalid password from -p: only tab, line breaks and characters U+0020 to U+00FF are allowed",
  },
  {
    command: "iam-useraddloginprofile",
    argv: ["-u", "bob", "--password-file", "password"],
    files: { password: Buffer.from([0x53, 0x65, 0x63, 0x72, 0x65, 0x74, 0xff, 0x0a]) },
    code: 2,
    stderr: "iam-useraddloginprofile: password file password is not valid UTF-8 text",
  },

  // Policy structure and IAM's size limits (src/iam/policy-lint.ts).
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-f", "policy.json"],
    files: { "policy.json": statements({ Action: "s3:GetObject", Resource: "*" }) },
    what: "(no Effect)",
    code: 2,
    stderr: "iam-useruploadpolicy: policy file policy.json, Statement[0]: Effect is missing; expected Allow or Deny",
  },
  {
    command: "iam-groupuploadpolicy",
    argv: ["-g", "Admins", "-p", "pol", "-f", "policy.json"],
    files: { "policy.json": statements({ Effect: "Permit", Action: "s3:GetObject", Resource: "*" }) },
    what: "(Effect Permit)",
    code: 2,
    stderr: 'iam-groupuploadpolicy: policy file policy.json, Statement[0].Effect: "Permit" is not Allow or Deny',
  },
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-o", JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::${aws:username}/*" }] })],
    code: 2,
    stderr:
      'iam-useruploadpolicy: policy given with -o has no Version and uses the policy variable ${aws:username}: without a Version IAM reads the document as 2008-10-17, where ${aws:username} is plain text, not a variable; add "Version": "2012-10-17" to the document',
  },
  {
    command: "iam-policycreate",
    argv: ["-p", "pol", "-f", "policy.json"],
    files: { "policy.json": statements({ Effect: "Allow", Action: "s3:GetObject" }) },
    what: "(no Resource)",
    code: 2,
    stderr: "iam-policycreate: policy file policy.json, Statement[0]: Resource is missing (or NotResource)",
  },
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-f", "policy.json"],
    files: {
      "policy.json": statements(
        { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        { Sid: "A", Effect: "Deny", Action: "s3:PutObject", Resource: "*" },
      ),
    },
    what: "(Sid twice)",
    code: 2,
    stderr: 'iam-useruploadpolicy: policy file policy.json, Statement[1].Sid: Sid "A" is already the Sid of Statement[0]; Sids must be unique',
  },
  {
    command: "iam-roleupdateassumepolicy",
    argv: ["-r", "app", "-f", "trust.json"],
    files: { "trust.json": statements({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "s3:GetObject" }) },
    what: "(not an sts: action)",
    code: 2,
    stderr: 'iam-roleupdateassumepolicy: policy file trust.json, Statement[0].Action: "s3:GetObject": a trust policy allows only sts: actions, such as sts:AssumeRole',
  },
  {
    command: "iam-useraddpolicy",
    argv: ["-u", "bob", "-p", "pol", "-e", "Allow", "-a", "GetObject", "-r", "*"],
    code: 2,
    stderr: 'iam-useraddpolicy: generated policy, Statement[0].Action[0]: "GetObject" has no service prefix; write service:action, such as s3:GetObject',
  },
  {
    command: "iam-useruploadpolicy",
    argv: ["-u", "bob", "-p", "pol", "-f", "policy.json"],
    files: { "policy.json": policyOf(30) },
    what: "(oversize)",
    code: 2,
    stderr: "iam-useruploadpolicy: policy file policy.json: 2,528 characters without whitespace; IAM allows at most 2,048 for a user's inline policies",
  },
  {
    command: "iam-groupuploadpolicy",
    argv: ["-g", "Admins", "-p", "pol", "-f", "policy.json"],
    files: { "policy.json": policyOf(70) },
    what: "(oversize)",
    code: 2,
    stderr: "iam-groupuploadpolicy: policy file policy.json: 5,848 characters without whitespace; IAM allows at most 5,120 for a group's inline policies",
  },
  {
    command: "iam-roleuploadpolicy",
    argv: ["-r", "app", "-p", "pol", "-f", "policy.json"],
    files: { "policy.json": policyOf(140) },
    what: "(oversize)",
    code: 2,
    stderr: "iam-roleuploadpolicy: policy file policy.json: 11,658 characters without whitespace; IAM allows at most 10,240 for a role's inline policies",
  },
];

/** Long generated values would make unreadable test names. */
const shown = (arg: string) => (arg.length > 40 ? `${arg.slice(0, 12)}...(${arg.length} characters)` : JSON.stringify(arg));

describe(`bad input is refused before any request (${rows.length} cases)`, () => {
  it.each(rows.map((row) => [`${row.command} ${row.argv.map(shown).join(" ")} ${row.what ?? ""}`.trim(), row] as const))(
    "%s",
    async (_title, row) => {
      const dir = mkdtempSync(join(offline.dir, "row-"));
      setUp(dir, row.files ?? {});
      const env = { ...offline.env, ...row.env?.(offline.url) };
      const result = await runCli(row.command, row.argv, { env, cwd: dir, stdin: row.stdin });
      // Soft, so that a row that does reach IAM also shows which request went out.
      expect.soft(result).toEqual({ code: row.code, stdout: "", stderr: `${row.stderr}\n` });
      expect(offline.requests.map((request) => request.params.Action)).toEqual([]);
    },
  );
});
