import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { useMoto, writeTestFile } from "../harness/moto.js";
import { runCli, type CliResult } from "../harness/run-cli.js";
import { runByName } from "../../dist/bundle/cli/main.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });
const withStdin = (stdin: string, name: string, ...argv: string[]) =>
  runCli(name, argv, { env: moto.env, cwd: moto.dir, stdin });

/** IAM never returns a password; moto's state dump is the only way to see what was stored. */
async function storedPassword(userName: string): Promise<string | undefined> {
  const state = (await (await fetch(`${moto.url}/moto-api/data.json`)).json()) as {
    iam: { User: { name: string; password: string | null }[] };
  };
  return state.iam.User.find((u) => u.name === userName)?.password ?? undefined;
}

async function profileError(userName: string): Promise<string | undefined> {
  try {
    await moto.iam.getLoginProfile({ UserName: userName });
    return undefined;
  } catch (err) {
    return (err as Error).name;
  }
}

/**
 * Runs a command whose stdin is a (fake) terminal, answering each prompt with the next of
 * `answers` as typed keys, so the no-echo prompt path runs exactly as on a real terminal.
 */
async function onTerminal(answers: string[], name: string, ...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const code = await runByName(name, argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        if (chunk.endsWith(": ")) setImmediate(() => stdin.write(`${answers.shift()}\r`));
      },
    },
    stdin,
    env: moto.env,
    cwd: moto.dir,
  });
  return { code, stdout, stderr };
}

const NO_PASSWORD = "a password is required: use -p, --password-file or run on a terminal";

describe("iam-useraddloginprofile", () => {
  it("-p sets the password and prints nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-useraddloginprofile", "-u", "david", "-p", "s3cret-Pw")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await storedPassword("david")).toBe("s3cret-Pw");
    const { LoginProfile } = await moto.iam.getLoginProfile({ UserName: "david" });
    expect(LoginProfile?.PasswordResetRequired).toBe(false);
  });

  it("--password-file drops exactly one trailing newline", async () => {
    await moto.iam.createUser({ UserName: "david" });
    writeTestFile(moto, "david.pw", "Tr0ub4dor &3\n\n", 0o600);
    const res = await cli("iam-useraddloginprofile", "-u", "david", "--password-file", "david.pw");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await storedPassword("david")).toBe("Tr0ub4dor &3\n");
  });

  it("--password-reset-required is sent (moto ignores it on create, so the request is checked on the wire)", async () => {
    wire.stub("CreateLoginProfile");
    const res = await wire.run("iam-useraddloginprofile", ["-u", "david", "-p", "s3cret-Pw", "--password-reset-required"]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([
      expect.objectContaining({ Action: "CreateLoginProfile", UserName: "david", Password: "s3cret-Pw", PasswordResetRequired: "true" }),
    ]);
  });

  it("--password-file - reads standard input", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await withStdin("from stdin\r\n", "iam-useraddloginprofile", "-u", "david", "--password-file", "-");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await storedPassword("david")).toBe("from stdin");
  });

  it("refuses to run without a password source when stdin is not a terminal", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await withStdin("piped\n", "iam-useraddloginprofile", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddloginprofile: ${NO_PASSWORD}\n`,
    });
    expect(await profileError("david")).toBe("NoSuchEntityException");
  });

  it("on a terminal, asks twice without echo and sets the password", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await onTerminal(["typed-Pw1", "typed-Pw1"], "iam-useraddloginprofile", "-u", "david");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "New password for david: \nType it again: \n" });
    expect(await storedPassword("david")).toBe("typed-Pw1");
  });

  it("on a terminal, two different answers are refused and nothing is sent", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await onTerminal(["typed-Pw1", "typed-Pw2"], "iam-useraddloginprofile", "-u", "david");
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: "New password for david: \nType it again: \niam-useraddloginprofile: passwords do not match\n",
    });
    expect(await profileError("david")).toBe("NoSuchEntityException");
  });

  it("refuses -p together with --password-file", async () => {
    await moto.iam.createUser({ UserName: "david" });
    writeTestFile(moto, "david.pw", "other-Pw\n");
    expect(await cli("iam-useraddloginprofile", "-u", "david", "-p", "s3cret-Pw", "--password-file", "david.pw")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddloginprofile: give the password with -p or --password-file, not both\n",
    });
    expect(await profileError("david")).toBe("NoSuchEntityException");
  });

  it("refuses an empty password file and a missing one, naming the file", async () => {
    await moto.iam.createUser({ UserName: "david" });
    writeTestFile(moto, "empty.pw", "\n");
    expect(await cli("iam-useraddloginprofile", "-u", "david", "--password-file", "empty.pw")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddloginprofile: invalid password from password file empty.pw: it is empty\n",
    });
    expect(await cli("iam-useraddloginprofile", "-u", "david", "--password-file", "nope.pw")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddloginprofile: password file nope.pw does not exist\n",
    });
    expect(await profileError("david")).toBe("NoSuchEntityException");
  });

  it("refuses a password IAM would not accept without repeating it", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-useraddloginprofile", "-u", "david", "-p", "p\u0101ss-W0rd")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "iam-useraddloginprofile: invalid password from -p: only tab, line breaks and characters U+0020 to U+00FF are allowed\n",
    });
    expect(await cli("iam-useraddloginprofile", "-u", "david", "-p", "x".repeat(129))).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddloginprofile: invalid password from -p: longer than 128 characters\n",
    });
    expect(await profileError("david")).toBe("NoSuchEntityException");
  });

  it("refuses an invalid user name before sending anything", async () => {
    expect(await cli("iam-useraddloginprofile", "-u", "bad name!", "-p", "s3cret-Pw")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-useraddloginprofile: invalid user name "bad name!": use only letters, digits and + = , . @ _ -\n',
    });
  });

  it("with -d, neither debug lines nor a service error show the password", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const secret = "Hunter2-never-shown";
    const ok = await cli("iam-useraddloginprofile", "-d", "-u", "david", "-p", secret);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("");
    expect(ok.stderr).toMatch(/^iam-useraddloginprofile: debug: CreateLoginProfile HTTP 200 \d+ ms$/m);
    expect(ok.stderr).not.toContain(secret);

    const again = await cli("iam-useraddloginprofile", "-d", "-u", "david", "-p", secret);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /\niam-useraddloginprofile: error \(EntityAlreadyExists\): User david already has password\n$/,
    );
    expect(again.stderr).not.toContain(secret);

    const bad = await cli("iam-useraddloginprofile", "-d", "-u", "david", "-p", `${secret}\u2603`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain(secret);
  });
});

describe("iam-usermodloginprofile", () => {
  it("-p replaces the password; --password-reset-required is sent", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createLoginProfile({ UserName: "david", Password: "old-Pw" });
    const res = await cli("iam-usermodloginprofile", "-u", "david", "-p", "new-Pw", "--password-reset-required");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await storedPassword("david")).toBe("new-Pw");
    const { LoginProfile } = await moto.iam.getLoginProfile({ UserName: "david" });
    expect(LoginProfile?.PasswordResetRequired).toBe(true);
  });

  it("--password-file - reads standard input", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createLoginProfile({ UserName: "david", Password: "old-Pw" });
    const res = await withStdin("piped-Pw\n", "iam-usermodloginprofile", "-u", "david", "--password-file", "-");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await storedPassword("david")).toBe("piped-Pw");
  });

  it("refuses to run without a password source when stdin is not a terminal", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createLoginProfile({ UserName: "david", Password: "old-Pw" });
    expect(await cli("iam-usermodloginprofile", "-u", "david", "--password-reset-required")).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-usermodloginprofile: ${NO_PASSWORD}\n`,
    });
    expect(await storedPassword("david")).toBe("old-Pw");
  });

  it("a user without a login profile is a service error that does not show the password", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-usermodloginprofile", "-u", "david", "-p", "new-Pw")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-usermodloginprofile: error (NoSuchEntity): Login profile for david not found\n",
    });
  });
});

describe("iam-usergetloginprofile", () => {
  it("prints the legacy line", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createLoginProfile({ UserName: "david", Password: "s3cret-Pw" });
    expect(await cli("iam-usergetloginprofile", "-u", "david")).toEqual({
      code: 0,
      stdout: "Login Profile Exists for User david\n",
      stderr: "",
    });
  });

  it("-v adds the creation date and the reset flag", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const { LoginProfile } = await moto.iam.createLoginProfile({ UserName: "david", Password: "s3cret-Pw" });
    // moto honours the flag on update only, and an update without a password deletes the profile.
    await moto.iam.updateLoginProfile({ UserName: "david", Password: "s3cret-Pw", PasswordResetRequired: true });
    expect(await cli("iam-usergetloginprofile", "-u", "david", "-v")).toEqual({
      code: 0,
      stdout:
        "Login Profile Exists for User david\n" +
        `CreateDate: ${LoginProfile!.CreateDate!.toISOString()}\n` +
        "PasswordResetRequired: true\n",
      stderr: "",
    });
  });

  it("a user without a login profile exits 1 with NoSuchEntity", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-usergetloginprofile", "-u", "david")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-usergetloginprofile: error (NoSuchEntity): Login profile for david not found\n",
    });
  });

  it("requires -u", async () => {
    expect(await cli("iam-usergetloginprofile")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-usergetloginprofile: missing required option -u USERNAME (the name of the user)\n",
    });
  });
});

describe("iam-userdelloginprofile", () => {
  it("removes the login profile and prints nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createLoginProfile({ UserName: "david", Password: "s3cret-Pw" });
    expect(await cli("iam-userdelloginprofile", "-u", "david")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await profileError("david")).toBe("NoSuchEntityException");
  });

  it("a user without a login profile exits 1 with NoSuchEntity", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userdelloginprofile", "-u", "david")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userdelloginprofile: error (NoSuchEntity): Login profile for david not found\n",
    });
  });

  it("refuses an invalid user name and leaves the profile alone", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createLoginProfile({ UserName: "david", Password: "s3cret-Pw" });
    expect(await cli("iam-userdelloginprofile", "-u", "david/")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userdelloginprofile: invalid user name "david/": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await profileError("david")).toBeUndefined();
  });
});
