import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, useMoto } from "./harness/moto.js";

/**
 * What a user gets: a fresh clone of the committed tree (uncommitted edits are not in it), packed
 * by `npm pack` (whose `prepare` builds it), installed globally into a temporary prefix from the
 * tarball alone (--offline: the runtime libraries travel inside it), then run from that prefix.
 * The clone sits in a folder whose name has a space, a `%` and a non-ASCII letter, which a build
 * script reading paths from file URLs must decode; the install builds the startup snapshot into a
 * cache folder of the test's own.
 */
const moto = useMoto();
const work = mkdtempSync(join(tmpdir(), "iamkit install 100% é-"));
const clone = join(work, "clone");
const prefix = join(work, "prefix");
const cache = join(work, "cache");
const npmEnv = { ...process.env, XDG_CACHE_HOME: cache };

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const res = spawnSync(command, args, { encoding: "utf8", ...options });
  return { code: res.status, stdout: String(res.stdout), stderr: String(res.stderr) };
}

function mustRun(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const res = run(command, args, options);
  if (res.code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${res.code}:\n${res.stderr}`);
  return res.stdout;
}

let tarball = "";

beforeAll(() => {
  mustRun("git", ["clone", "--quiet", ROOT, clone]);
  // The build tools from this checkout, so packing needs no registry (hard links: fast, no copies).
  cpSync(join(ROOT, "node_modules"), join(clone, "node_modules"), { recursive: true, verbatimSymlinks: true });
  tarball = join(clone, mustRun("npm", ["pack", "--silent"], { cwd: clone, env: npmEnv }).trim().split("\n").pop()!);
  rmSync(cache, { recursive: true, force: true });
  mustRun("npm", ["install", "--global", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, tarball], { env: npmEnv });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the package packed from a fresh clone and installed globally", () => {
  it("holds the build, the man pages, the LICENSE and its runtime libraries, and nothing of the sources", () => {
    const files = mustRun("tar", ["tzf", tarball]).split("\n");
    for (const file of ["dist/bundle/cli/main.js", "bin/iam-userdel.js", "docs/man/iam-userdel.1", "docs/man/euare-userdel.1", "LICENSE"]) {
      expect(files, file).toContain(`package/${file}`);
    }
    expect(files.filter((f) => f.startsWith("package/node_modules/")).map((f) => f.split("/")[2])).toContain("node-forge");
    expect(files.filter((f) => /^package\/(src|test|scripts)\//.test(f))).toEqual([]);
    expect(readFileSync(join(prefix, "lib/node_modules/iamkit/LICENSE"), "utf8")).toContain("Apache License");
  });

  it("runs its commands from the prefix against a local IAM server", async () => {
    const env = { ...moto.env, PATH: `${join(prefix, "bin")}:${process.env.PATH}` };
    expect(run("iam-usercreate", ["-u", "installed", "-v"], { env })).toMatchObject({ code: 0, stderr: "" });
    expect((await moto.iam.getUser({ UserName: "installed" })).User!.UserName).toBe("installed");
    expect(run("euare-userlistbypath", [], { env })).toMatchObject({ code: 0, stdout: expect.stringContaining(":user/installed\n") });
    // node-forge, loaded from the package's own node_modules: a key pair and certificate made locally.
    const cert = run("iam-useraddcert", ["-u", "installed", "--generate"], { env, cwd: moto.dir });
    expect(cert, cert.stderr).toMatchObject({
      code: 0,
      stderr: "iam-useraddcert: wrote the private key to installed-key.pem (mode 0600) and the certificate to installed-cert.pem\n",
    });
    expect((await moto.iam.listSigningCertificates({ UserName: "installed" })).Certificates).toHaveLength(1);
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
    expect(run("iamkit", ["--version"], { env })).toEqual({ code: 0, stdout: `iamkit ${version}\n`, stderr: "" });
    expect(run("iam-userdel", ["--version", "-d"], { env }).stdout).toMatch(/^iamkit \S+\nnode \S+\n@aws-sdk\/client-iam \d+\.\d+\.\d+\n$/);
  });

  it("answers -h and mistakes in one line each, under both names", () => {
    const env = { PATH: `${join(prefix, "bin")}:${process.env.PATH}` };
    expect(run("iam-userdel", ["--verbos"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userdel: unknown option '--verbos' (Did you mean --version?); see iam-userdel -h\n",
    });
    const help = run("euare-userdel", ["-h"], { env }).stdout.trimEnd().split("\n");
    expect(help[1]).toBe("euare-userdel [options...] arguments...");
    expect(help.at(-1)).toBe("The -u value may also be given as a bare argument, as euca2ools took it: euare-userdel USERNAME.");
    expect(run("iam-userdel", ["-h"], { env }).stdout).not.toContain("bare argument");
  });

  it("builds the startup snapshot while installing, and the commands start from it", () => {
    const installed = join(prefix, "lib/node_modules/iamkit");
    const buildId = readFileSync(join(installed, "dist/bundle/snapshot/build-id"), "utf8").trim();
    const node = statSync(process.execPath);
    expect(readdirSync(join(cache, "iamkit"))).toEqual([`${buildId}-node-${node.ino}-${node.size}.blob`]);
    // Without the bundle a bin can only run from the snapshot.
    renameSync(join(installed, "dist/bundle/cli"), join(installed, "dist/bundle/cli.away"));
    try {
      const env = { PATH: `${join(prefix, "bin")}:${process.env.PATH}`, XDG_CACHE_HOME: cache };
      expect(run("iam-userdel", ["--version"], { env }).stdout).toMatch(/^iamkit \S+\n$/);
      expect(run("iam-userdel", ["--version"], { env: { ...env, IAMKIT_NO_SNAPSHOT: "1" } })).toMatchObject({ code: 1, stdout: "" });
    } finally {
      renameSync(join(installed, "dist/bundle/cli.away"), join(installed, "dist/bundle/cli"));
    }
  });

  it("installs the man pages where man finds them, euare- names included", () => {
    const manpath = join(prefix, "share/man");
    expect(existsSync(join(manpath, "man1/iam-userdel.1"))).toBe(true);
    for (const name of ["iam-userdel", "euare-userdel"]) {
      const page = run("man", ["-P", "cat", name], { env: { PATH: process.env.PATH, MANPATH: manpath, MANWIDTH: "200" } });
      expect(page.code, page.stderr).toBe(0);
      expect(page.stdout).toContain("iam-userdel [options...] arguments...");
    }
  });
});

describe("a global install straight from git", () => {
  // npm prepares the clone with a nested install that inherits --global (npm/cli#8440); prepare.mjs
  // undoes the link that leaves in the global folder. Without that, every command here dangles.
  it("builds on the way and leaves real files in the prefix, with the runtime libraries and man pages", () => {
    const gitPrefix = join(work, "git-prefix");
    mustRun("npm", ["install", "--global", "--no-audit", "--no-fund", "--prefix", gitPrefix, `git+${pathToFileURL(clone).href}`], { env: npmEnv });
    const installed = join(gitPrefix, "lib/node_modules/iamkit");
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(existsSync(join(installed, "node_modules/node-forge/package.json"))).toBe(true);
    expect(existsSync(join(gitPrefix, "share/man/man1/iam-userdel.1"))).toBe(true);
    expect(run(join(gitPrefix, "bin/euare-userdel"), ["--version"])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^iamkit \S+\n$/) });
  }, 300_000);
});
