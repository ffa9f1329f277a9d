import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ROOT, SECRET_ACCESS_KEY, createAdmin, enforced, legacyKeyText, useMoto } from "./harness/moto.js";
import { binResult } from "./harness/run-bin.js";
import { runCli } from "./harness/run-cli.js";

/**
 * What a newcomer meets first: the iamkit dispatcher (help, suggestions, bare iamkit, man iamkit),
 * refusals that say what to do (a delete that leaves things behind, a key IAM does not accept),
 * and credentials that follow the aws CLI when AWS_PROFILE and the key variables are both set.
 */

const moto = useMoto();

/** A built bin as its own process: the SDK chain reads the process environment, as it does for users. */
const bin = (name: string, argv: string[], env: NodeJS.ProcessEnv = { PATH: process.env.PATH }) => binResult(name, argv, { env });

describe("the iamkit dispatcher", () => {
  it("bare iamkit prints a short usage on stderr and exits 2", async () => {
    const res = await bin("iamkit", []);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    const lines = res.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^usage: iamkit <command> \[options\.\.\.\] +run a command/);
    expect(lines).toContain("run iamkit --help for the commands, or man iamkit");
    expect(lines.length).toBeLessThan(10);
  });

  it("iamkit help <command> prints the command's help, by short or full name; iamkit help lists the commands", async () => {
    const help = await bin("iam-usercreate", ["-h"]);
    expect(help.code).toBe(0);
    expect(await bin("iamkit", ["help", "usercreate"])).toEqual(help);
    expect(await bin("iamkit", ["help", "iam-usercreate"])).toEqual(help);
    const list = await bin("iamkit", ["help"]);
    expect(list).toEqual(await bin("iamkit", ["--help"]));
    expect(list.stdout).toContain("       iamkit help <command>");
    expect(list.stdout).toMatch(/^ {2}iam-usercreate +Create a user/m);
  });

  it("a mistyped command name suggests the closest ones; a name near none gets no guess", async () => {
    expect(await bin("iamkit", ["usercreat"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iamkit: unknown command "iam-usercreat" (did you mean iam-usercreate?); run iamkit --help for the list\n',
    });
    expect((await bin("iamkit", ["help", "userlistgroup"])).stderr).toBe(
      'iamkit: unknown command "iam-userlistgroup" (did you mean iam-userlistgroups?); run iamkit --help for the list\n',
    );
    expect((await bin("iamkit", ["euare-userlistgruops"])).stderr).toContain("(did you mean euare-userlistgroups?)");
    expect((await bin("iamkit", ["frobnicate"])).stderr).toBe('iamkit: unknown command "iam-frobnicate"; run iamkit --help for the list\n');
  });

  it("bash completes iamkit help and the command name after it", async () => {
    const script = (await bin("iamkit", ["completion", "bash"])).stdout;
    const complete = (...words: string[]) => {
      const body = `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _iamkit_complete; echo "\${COMPREPLY[*]}"`;
      return spawnSync("bash", ["-c", `${script}\n${body}`], { encoding: "utf8" }).stdout.trim();
    };
    expect(complete("iamkit", "hel")).toBe("help");
    expect(complete("iamkit", "help", "userdelk")).toBe("userdelkey");
    expect(complete("iamkit", "help", "userdelkey", "-")).toBe("");
    // euca2ools' credential options, under the euare- names only.
    expect(complete("euare-userdel", "-I")).toBe("-I");
    expect(complete("euare-userdel", "--secret")).toBe("--secret-key");
    expect(complete("euare-userdel", "-S", "")).toBe("");
    expect(complete("iam-userdel", "--secret")).toBe("");
  });

  it("man iamkit: a page installed with the others, listing every command", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.man).toContain("docs/man/iamkit.1");
    const page = readFileSync(join(ROOT, "docs/man/iamkit.1"), "utf8");
    expect(page).toMatch(/^\.TH IAMKIT 1 /m);
    expect(page).toContain("iamkit help <command>");
    for (const name of Object.keys(pkg.bin).filter((n: string) => n.startsWith("iam-"))) expect(page).toContain(`.B ${name.replace(/-/g, "\\-")}\n`);
  });
});

describe("a refused delete says what remains", () => {
  it("iam-userdel of a user with a key and a group names both, and how to delete them with it", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createAccessKey({ UserName: "david" });
    await moto.iam.createGroup({ GroupName: "admins" });
    await moto.iam.addUserToGroup({ GroupName: "admins", UserName: "david" });
    expect(await runCli("iam-userdel", ["-u", "david"], { env: moto.env })).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        "iam-userdel: error (DeleteConflict): Cannot delete entity, must delete access keys first.",
        "iam-userdel: user david still has 1 access key, 1 group membership (delete them first, or use -r)",
        "",
      ].join("\n"),
    });
    // The same words as the dry run's.
    const dry = await runCli("iam-userdel", ["-u", "david", "--dry-run"], { env: moto.env });
    expect(dry.stderr).toContain("user david still has 1 access key, 1 group membership (delete them first, or use -r)");
    expect((await moto.iam.listUsers({})).Users!.map((u) => u.UserName)).toEqual(["david"]);
  });

  it("iam-groupdel of a group with members", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createGroup({ GroupName: "admins" });
    await moto.iam.addUserToGroup({ GroupName: "admins", UserName: "david" });
    const res = await runCli("euare-groupdel", ["admins"], { env: moto.env });
    expect(res.code).toBe(1);
    expect(res.stderr.split("\n").slice(1)).toEqual(["euare-groupdel: group admins still has 1 member (delete them first, or use -r)", ""]);
  });
});

describe("a refused key names where it came from", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(moto.dir, "key-"));
  });

  /** moto's environment without any credential source. */
  const bare = (): NodeJS.ProcessEnv => {
    const { AWS_CREDENTIAL_FILE: _none, ...env } = moto.env;
    return { ...env, HOME: dir, AWS_CONFIG_FILE: join(dir, "no-config"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-credentials") };
  };

  it("a credential file's key IAM does not know: InvalidClientTokenId, then the file", async () => {
    const file = join(dir, "old-key");
    writeFileSync(file, legacyKeyText({ AccessKeyId: "AKIAOLDOLDOLDOLDOLD1", SecretAccessKey: SECRET_ACCESS_KEY }), { mode: 0o600 });
    const res = await enforced(moto, () => runCli("iam-userlistbypath", [], { env: { ...moto.env, AWS_CREDENTIAL_FILE: file } }));
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        "iam-userlistbypath: error (InvalidClientTokenId): The security token included in the request is invalid.",
        `iam-userlistbypath: the key used came from credential file ${file} (AWS_CREDENTIAL_FILE)`,
        "",
      ].join("\n"),
    });
  });

  it("the variables' key with a wrong secret: SignatureDoesNotMatch, then the variables", async () => {
    const key = await createAdmin(moto);
    const env = { ...bare(), AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: "not-the-secret-of-this-key" };
    const res = await enforced(moto, () => bin("iam-userlistbypath", [], env));
    expect(res.code).toBe(1);
    expect(res.stderr.split("\n").slice(0, 1)[0]).toMatch(/^iam-userlistbypath: error \(SignatureDoesNotMatch\): /);
    expect(res.stderr.split("\n").slice(1)).toEqual([
      "iam-userlistbypath: the key used came from environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
      "",
    ]);
  });

  it("a profile's key: the profile and its files", async () => {
    const credentials = join(dir, "credentials");
    writeFileSync(credentials, `[ops]\naws_access_key_id = AKIAOLDOLDOLDOLDOLD1\naws_secret_access_key = ${SECRET_ACCESS_KEY}\n`, { mode: 0o600 });
    const res = await enforced(moto, () => bin("iam-userlistbypath", ["--profile", "ops"], { ...bare(), AWS_SHARED_CREDENTIALS_FILE: credentials }));
    expect(res.code).toBe(1);
    expect(res.stderr.split("\n")[1]).toBe(`iam-userlistbypath: the key used came from profile ops in ${credentials} or ${join(dir, "no-config")}`);
  });
});

describe("AWS_PROFILE and the key variables both set", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(moto.dir, "profile-"));
  });

  /** Signs as "admin", a user moto knows (it checks signatures while auth is enforced). */
  const envWith = async (config: (key: { AccessKeyId?: string; SecretAccessKey?: string }) => string, extra: NodeJS.ProcessEnv = {}) => {
    const key = await createAdmin(moto);
    const { AWS_CREDENTIAL_FILE: _none, ...env } = moto.env;
    writeFileSync(join(dir, "config"), config(key));
    return {
      ...env,
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, "config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-credentials"),
      AWS_ACCESS_KEY_ID: key.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: key.SecretAccessKey,
      ...extra,
    };
  };

  it("the variables sign, as with the aws CLI, even for a profile holding only a region; no SDK warning", async () => {
    await moto.iam.createUser({ UserName: "alice" });
    const env = await envWith(() => "[profile regional]\nregion = eu-west-1\n", { AWS_PROFILE: "regional" });
    const res = await enforced(moto, () => bin("iam-userlistbypath", ["-d"], env));
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(":user/alice\n");
    expect(res.stderr).toContain(
      "iam-userlistbypath: debug: credentials: environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (over AWS_PROFILE regional, as the aws CLI does)\n",
    );
    expect(res.stderr).not.toMatch(/WARNING|Multiple credential sources/);
    expect(res.stderr).not.toContain(env.AWS_SECRET_ACCESS_KEY!);
  });

  it("--profile still wins over the variables, silently", async () => {
    const env = await envWith((key) => `[profile ops]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`, {
      AWS_ACCESS_KEY_ID: "AKIAOLDOLDOLDOLDOLD1",
    });
    const res = await enforced(moto, () => bin("iam-userlistkeys", ["-u", "admin", "--profile", "ops"], env));
    expect(res).toEqual({ code: 0, stdout: `${(await moto.iam.listAccessKeys({ UserName: "admin" })).AccessKeyMetadata![0].AccessKeyId}\nActive\nIsTruncated: false\n`, stderr: "" });
  });
});

describe("scripts/local-iam.sh", () => {
  it("starts a local server and prints the lines that make the commands use it", async () => {
    const child = spawn("bash", [join(ROOT, "scripts/local-iam.sh")], { env: { PATH: process.env.PATH, HOME: moto.dir }, stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", () => out.includes("Ctrl-C stops the server.") && resolve());
        child.once("exit", (code) => reject(new Error(`local-iam.sh exited with ${code}: ${out}`)));
      });
      const exported = Object.fromEntries([...out.matchAll(/^export (\w+)=(.*)$/gm)].map(([, name, value]) => [name, value.replace(/^"|:\$PATH"$/g, "")]));
      expect(Object.keys(exported)).toEqual(["AWS_IAM_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "PATH"]);
      expect(exported.PATH).toBe(join(ROOT, ".bin"));
      const env = { ...exported, PATH: `${exported.PATH}:${process.env.PATH}`, HOME: moto.dir, AWS_EC2_METADATA_DISABLED: "true" };
      expect((await bin("iam-usercreate", ["-u", "alice"], env)).code).toBe(0);
      expect(await bin("euare-userlistbypath", [], env)).toEqual({ code: 0, stdout: "arn:aws:iam::123456789012:user/alice\n", stderr: "" });
    } finally {
      child.kill("SIGTERM");
    }
  });
});
