import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useMoto, writeTestFile } from "./harness/moto.js";
import { binResult } from "./harness/run-bin.js";
import { runCli } from "./harness/run-cli.js";
import { startForwardProxy } from "./support/forward-proxy.mjs";
import { startLoopbackProxy } from "./support/loopback-proxy.mjs";

const moto = useMoto();
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/** Runs a built bin as a separate process, as a user's shell does: its exit code and output. */
const spawnBin = (name: string, argv: string[], env: NodeJS.ProcessEnv) => binResult(name, argv, { env });

describe("credentials", () => {
  it("--aws-credential-file wins over AWS_CREDENTIAL_FILE", async () => {
    const good = writeTestFile(moto, "good", `# comment\n\nAWSAccessKeyId=AKIAIOSFODNN7EXAMPLE\nAWSSecretKey=${SECRET}\n`, 0o600);
    const env = { ...moto.env, AWS_CREDENTIAL_FILE: join(moto.dir, "does-not-exist") };
    const res = await runCli("iam-userlistbypath", ["--aws-credential-file", good, "-d"], { env });
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`iam-userlistbypath: debug: credentials: credential file ${good} (--aws-credential-file)\n`);
  });

  it.each([
    ["a missing file", null, "credential file {f} does not exist", 3],
    ["a line without =", `AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE\n${SECRET}\n`, "credential file {f} line 2: expected KEY=VALUE", 3],
    ["an unknown key", `AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE\nSecret=${SECRET}\n`, 'credential file {f} line 2: unknown "Secret" (expected AWSAccessKeyId or AWSSecretKey)', 3],
    ["no secret line", "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE\n", "credential file {f} has no AWSSecretKey line", 3],
  ])("%s is a one-line error naming the file, never the secret", async (_what, content, message, code) => {
    const file = join(moto.dir, `cred-${code}-${Math.random().toString(36).slice(2)}`);
    if (content !== null) writeTestFile(moto, file.split("/").pop()!, content, 0o600);
    const res = await runCli("iam-userlistbypath", [], { env: { ...moto.env, AWS_CREDENTIAL_FILE: file } });
    expect(res).toEqual({ code, stdout: "", stderr: `iam-userlistbypath: ${message.replace("{f}", file)}\n` });
    expect(res.stderr).not.toContain(SECRET);
  });

  it("warns once when the file is readable by others, and still works", async () => {
    const open = writeTestFile(moto, "open-key", `AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE\nAWSSecretKey=${SECRET}\n`, 0o644);
    const res = await runCli("iam-userlistbypath", [], { env: { ...moto.env, AWS_CREDENTIAL_FILE: open } });
    expect(res).toEqual({
      code: 0,
      stdout: "IsTruncated: false\n",
      stderr: `iam-userlistbypath: warning: credential file ${open} is readable by group or others; run: chmod 600 ${open}\n`,
    });
  });

  it("falls back to the AWS SDK chain (here AWS_ACCESS_KEY_ID) in a real process, without the SDK's Node warning", async () => {
    const { AWS_CREDENTIAL_FILE: _unused, ...env } = moto.env;
    const res = await spawnBin("iam-usergetattributes", ["-u", "nobody", "-d"], {
      ...env,
      AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
      AWS_SECRET_ACCESS_KEY: SECRET,
    });
    expect(res.code).toBe(1);
    expect(res.stderr.split("\n")).toEqual([
      "iam-usergetattributes: debug: credentials: AWS SDK default credential chain",
      `iam-usergetattributes: debug: endpoint: ${moto.url} (AWS_IAM_URL), signing region us-east-1`,
      expect.stringMatching(/^iam-usergetattributes: debug: GetUser HTTP 404 \d+ ms$/),
      "iam-usergetattributes: error (NoSuchEntity): The user with name nobody cannot be found.",
      "",
    ]);
  });

  it("with no credentials anywhere exits 3", async () => {
    const res = await spawnBin("iam-userlistbypath", [], {
      PATH: process.env.PATH,
      HOME: moto.dir,
      AWS_IAM_URL: moto.url,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONFIG_FILE: join(moto.dir, "none"),
      AWS_SHARED_CREDENTIALS_FILE: join(moto.dir, "none"),
    });
    expect(res.code).toBe(3);
    expect(res.stdout).toBe("");
    expect(res.stderr).toBe(
      "iam-userlistbypath: no AWS credentials found: use --aws-credential-file, AWS_CREDENTIAL_FILE, --profile or the standard AWS variables\n",
    );
  });
});

describe("endpoint", () => {
  it("--url wins over the endpoint variables, which are consulted in order", async () => {
    const env = { ...moto.env, AWS_IAM_URL: "http://127.0.0.1:9", EUARE_URL: "http://127.0.0.1:9" };
    const viaUrl = await runCli("iam-userlistbypath", ["--url", moto.url, "-d"], { env });
    expect(viaUrl.code).toBe(0);
    expect(viaUrl.stderr).toContain(`debug: endpoint: ${moto.url} (--url)`);
    const { AWS_IAM_URL: _a, ...rest } = moto.env;
    for (const variable of ["EUARE_URL", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL"]) {
      const res = await runCli("iam-userlistbypath", ["-d"], { env: { ...rest, [variable]: moto.url } });
      expect(res.code, variable).toBe(0);
      expect(res.stderr).toContain(`debug: endpoint: ${moto.url} (${variable})`);
    }
  });

  it("an invalid --url is a usage error (2); an invalid variable is configuration (3)", async () => {
    expect(await runCli("iam-userlistbypath", ["--url", "not a url"], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userlistbypath: invalid endpoint URL "not a url" from --url: expected http(s)://host[:port][/path]\n',
    });
    expect(await runCli("iam-userlistbypath", [], { env: { ...moto.env, AWS_IAM_URL: "ftp://x" } })).toEqual({
      code: 3,
      stdout: "",
      stderr: 'iam-userlistbypath: invalid endpoint URL "ftp://x" from AWS_IAM_URL: the scheme must be http or https\n',
    });
  });

  it("an endpoint nobody listens on exits 4 with one line", async () => {
    const res = await runCli("iam-userlistbypath", ["--url", "http://127.0.0.1:9"], { env: moto.env });
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: "iam-userlistbypath: cannot reach the IAM endpoint http://127.0.0.1:9 (ECONNREFUSED); ListUsers failed after 5 attempts\n",
    });
  });

  it("an endpoint that accepts but never answers times out (exit 4), per the client config file", async () => {
    const silent = await startLoopbackProxy({ upstream: moto.url, decide: () => "stall" });
    const config = writeTestFile(moto, "client.conf", "# fail fast\nRequestTimeout=300\nMaxAttempts=1\n");
    try {
      const res = await runCli("iam-userlistbypath", ["--url", silent.url, "--client-config-file", config], {
        env: moto.env,
      });
      expect(res).toEqual({
        code: 4,
        stdout: "",
        stderr: `iam-userlistbypath: cannot reach the IAM endpoint ${silent.url} (timed out); ListUsers failed after 1 attempt\n`,
      });
    } finally {
      await silent.close();
    }
  });
});

describe("client config file", () => {
  it("tunnels requests through the configured proxy with CONNECT", async () => {
    const proxy = await startForwardProxy();
    const proxyPort = new URL(proxy.url).port;
    const config = writeTestFile(moto, "proxy.conf", `ProxyHost=127.0.0.1\nProxyPort=${proxyPort}\n`);
    try {
      const res = await runCli("iam-userlistbypath", ["--client-config-file", config, "-d"], { env: moto.env });
      expect(res.code).toBe(0);
      expect(res.stdout).toBe("IsTruncated: false\n");
      expect(res.stderr).toContain(`debug: proxy: http://127.0.0.1:${proxyPort} (client config file)\n`);
      expect(proxy.passed).toEqual([{ kind: "connect", target: new URL(moto.url).host, proxyAuthorization: undefined }]);
    } finally {
      await proxy.close();
    }
  });

  it("an unknown key is a configuration error naming the line", async () => {
    const config = writeTestFile(moto, "bad.conf", "ProxyHost=127.0.0.1\nProxyPassword=hunter2\n");
    expect(await runCli("iam-userlistbypath", ["--client-config-file", config], { env: moto.env })).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: client config file ${config} line 2: unknown "ProxyPassword" (known: proxyHost, proxyPort, connectionTimeout, requestTimeout, maxAttempts, retryMode, maxBackoff)\n`,
    });
  });
});

describe("colour", () => {
  const tty = (env: NodeJS.ProcessEnv) => {
    let stderr = "";
    return {
      stdout: { write: () => true },
      stderr: { write: (c: string) => (stderr += c), isTTY: true },
      stdin: process.stdin,
      env,
      cwd: moto.dir,
      text: () => stderr,
    };
  };

  it("colours stderr lines only on a terminal, and never with NO_COLOR", async () => {
    const { runByName } = await import("../dist/cli/main.js");
    const coloured = tty(moto.env);
    expect(await runByName("iam-usergetattributes", ["-u", "nobody"], coloured)).toBe(1);
    expect(coloured.text()).toMatch(/^\u001b\[31miam-usergetattributes: error \(NoSuchEntity\): .*\u001b\[39m\n$/);
    const plain = tty({ ...moto.env, NO_COLOR: "1" });
    await runByName("iam-usergetattributes", ["-u", "nobody"], plain);
    expect(plain.text()).toMatch(/^iam-usergetattributes: error \(NoSuchEntity\)/);
  });
});

describe("output modes", () => {
  it("--json prints one document with the fully listed result and nothing else", async () => {
    await moto.iam.createUser({ UserName: "ann" });
    const res = await runCli("iam-userlistbypath", ["--json"], { env: moto.env });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const doc = JSON.parse(res.stdout);
    expect(Object.keys(doc)).toEqual(["Users"]);
    expect(doc.Users[0].UserName).toBe("ann");
  });

  it("-d never shows the secret key, signatures or headers", async () => {
    const res = await runCli("iam-usercreate", ["-u", "ann", "-k", "-d"], { env: moto.env });
    expect(res.code).toBe(0);
    const secret = res.stdout.split("\n")[1];
    expect(res.stderr).not.toContain(secret);
    expect(res.stderr).not.toContain(SECRET);
    expect(res.stderr).not.toMatch(/Signature|Authorization|X-Amz/i);
    expect(res.stderr.trimEnd().split("\n")).toHaveLength(4);
  });

  it("-h prints the summary, the usage line and the options, without loading credentials", async () => {
    const res = await runCli("iam-groupcreate", ["-h"], { env: {} });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    expect(res.stdout.split("\n").slice(0, 3)).toEqual([
      "Create a group.",
      "iam-groupcreate [options...] arguments...",
      " --aws-credential-file CREDENTIALFILE  : path to the file containing your AWS credentials",
    ]);
    expect(res.stdout).toContain(" -g (--group-name) GROUPNAME           : the name of the group (required)\n");
  });

  it("unknown options and stray arguments are usage errors that repeat no value", async () => {
    expect(await runCli("iam-useraddloginprofile", ["-u", "ann", "--pasword=hunter2"], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddloginprofile: unknown option '--pasword=...'; see iam-useraddloginprofile -h\n",
    });
    const stray = await runCli("iam-usercreate", ["-u", "ann", "hunter2"], { env: moto.env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).not.toContain("hunter2");
  });
});

describe("the iamkit dispatcher", () => {
  it("runs a command by its short or full name", async () => {
    const a = await spawnBin("iamkit", ["userlistbypath"], moto.env);
    const b = await spawnBin("iamkit", ["iam-userlistbypath"], moto.env);
    expect(a).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
    expect(b).toEqual(a);
  });

  it("lists the commands with --help and refuses an unknown one", async () => {
    const help = await spawnBin("iamkit", ["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("  iam-userdel ");
    expect(await spawnBin("iamkit", ["frobnicate"], {})).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iamkit: unknown command "iam-frobnicate"; run iamkit --help for the list\n',
    });
  });
});
