import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, useMoto } from "./harness/moto.js";
import { runCli } from "./harness/run-cli.js";
import { startLoopbackProxy, type Answer, type Fault } from "./support/loopback-proxy.mjs";

/*
 * Endpoints that misbehave: a wrong --url, a captive portal, a proxy's error page, a server that
 * drips or hangs, bytes that are not HTTP. Each is the loopback proxy answering with a fault
 * instead of moto; every run is the real command path. Nothing here may count as success, and each says what went wrong in one line.
 */

// moto only provides the credential file and the environment the other suites use.
const moto = useMoto();

let endpoint: Awaited<ReturnType<typeof startLoopbackProxy>> | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

/** An endpoint that meets every request with `fault`; moto is never asked. */
async function misbehaving(fault: Fault) {
  endpoint = await startLoopbackProxy({ upstream: moto.url, decide: () => fault });
  return endpoint;
}

async function against(fault: Fault, extra: NodeJS.ProcessEnv, name: string, ...argv: string[]) {
  const { url } = await misbehaving(fault);
  return runCli(name, argv, { env: { ...moto.env, AWS_IAM_URL: url, ...extra } });
}

/** A whole HTTP answer; without a content type it sends no Content-Type header. */
const httpAnswer = ({ contentType, ...rest }: { status: number; contentType?: string; body: string }): Answer => ({
  ...rest,
  headers: { "Content-Type": contentType },
});

const IAM_XMLNS = 'xmlns="https://iam.amazonaws.com/doc/2010-05-08/"';

describe("a 2xx that is not IAM's answer is an error (exit 4), never success, and is not retried", () => {
  it.each([
    [
      "an HTML page (a captive portal)",
      { status: 200, contentType: "text/html", body: "<!DOCTYPE html><html><head><title>Hotel WiFi login</title></head></html>" },
      'HTTP 200, content type text/html, expected <ListUsersResponse>, got an HTML page "Hotel WiFi login"',
    ],
    ["an empty body", { status: 200, contentType: "text/xml", body: "" }, "HTTP 200, content type text/xml, expected <ListUsersResponse>, got an empty body"],
    [
      "truncated XML",
      { status: 200, contentType: "text/xml", body: `<ListUsersResponse ${IAM_XMLNS}><ListUsersResult><Users><member><UserName>al` },
      "HTTP 200, content type text/xml, expected <ListUsersResponse>, got a truncated document",
    ],
    [
      "another action's document",
      { status: 200, contentType: "text/xml", body: `<?xml version="1.0"?><GetUserResponse ${IAM_XMLNS}></GetUserResponse>` },
      "HTTP 200, content type text/xml, expected <ListUsersResponse>, got a <GetUserResponse> document",
    ],
    [
      "JSON",
      { status: 200, contentType: "application/json", body: '{"Users":[]}' },
      "HTTP 200, content type application/json, expected <ListUsersResponse>, got text that is not XML",
    ],
    [
      "the right root with a body that does not parse",
      { status: 200, contentType: "text/xml", body: `<ListUsersResponse ${IAM_XMLNS}><ListUsersResult><<Users></ListUsersResponse>` },
      "HTTP 200, content type text/xml, XML that does not parse",
    ],
    ["no content type", { status: 200, body: "OK" }, "HTTP 200, content type none, expected <ListUsersResponse>, got text that is not XML"],
  ])("%s", async (_what, answer, detail) => {
    const res = await against(httpAnswer(answer), {}, "iam-userlistbypath");
    expect(res).toEqual({ code: 4, stdout: "", stderr: `iam-userlistbypath: ${endpoint!.url} did not answer like IAM: ${detail}\n` });
    expect(endpoint!.requests.length).toBe(1);
  });

  it("iam-usercreate -k against an empty 200 creates nothing it could print and says so", async () => {
    const res = await against(httpAnswer({ status: 200, contentType: "text/xml", body: "" }), {}, "iam-usercreate", "-u", "x", "-k");
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `iam-usercreate: ${endpoint!.url} did not answer like IAM: HTTP 200, content type text/xml, expected <CreateUserResponse>, got an empty body\n`,
    });
  });

  it("iam-userdel -r against an HTML 200 deletes nothing and exits 4", async () => {
    const page = { status: 200, contentType: "text/html; charset=utf-8", body: "<html><title>Sign in</title></html>" };
    const res = await against(httpAnswer(page), {}, "iam-userdel", "-u", "alice", "-r");
    expect(res.code).toBe(4);
    expect(res.stdout).toBe("");
    expect(res.stderr.split("\n")[0]).toMatch(
      new RegExp(`^iam-userdel: ${endpoint!.url} did not answer like IAM: HTTP 200, content type text/html; charset=utf-8, expected <\\w+Response>, got an HTML page "Sign in"$`),
    );
  });
});

describe("error pages that are not IAM's: exit 4 with status and content type, never Unknown", () => {
  it("a proxy's 403 page, not retried", async () => {
    const res = await against(httpAnswer({ status: 403, contentType: "text/html", body: "<html><title>Forbidden</title></html>" }), {}, "iam-userlistbypath");
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `iam-userlistbypath: ${endpoint!.url} did not answer like IAM: HTTP 403, content type text/html, expected an IAM error document, got an HTML page "Forbidden"\n`,
    });
    expect(endpoint!.requests.length).toBe(1);
  });

  it("a 502 page is retried like any 5xx, then named", async () => {
    const res = await against(httpAnswer({ status: 502, contentType: "text/html", body: "<html><title>502 Bad Gateway</title></html>" }), { AWS_MAX_ATTEMPTS: "2" }, "iam-userlistbypath");
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `iam-userlistbypath: ${endpoint!.url} did not answer like IAM: HTTP 502, content type text/html, expected an IAM error document, got an HTML page "502 Bad Gateway"; ListUsers failed after 2 attempts\n`,
    });
    expect(endpoint!.requests.length).toBe(2);
  });

  it("terminal escapes in the page are shown escaped", async () => {
    const page = "<html><title>\x1b]0;owned\x07\x1b[31mred</title></html>";
    const res = await against(httpAnswer({ status: 403, contentType: "text/html", body: page }), {}, "iam-userlistbypath");
    expect(res.code).toBe(4);
    expect(res.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    expect(res.stderr).toBe(
      `iam-userlistbypath: ${endpoint!.url} did not answer like IAM: HTTP 403, content type text/html, expected an IAM error document, got an HTML page "\\x1b]0;owned\\x07\\x1b[31mred"\n`,
    );
  });
});

describe("transport failures name the cause in plain words (exit 4)", () => {
  it("bytes that are not HTTP", async () => {
    const res = await against("garbage", {}, "iam-userlistbypath");
    expect(res.code).toBe(4);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(new RegExp(`^iam-userlistbypath: ${endpoint!.url} did not answer with HTTP \\(HPE_[A-Z_]+: [^\\n]+\\)\\n$`));
    expect(endpoint!.requests.length).toBe(1);
  });

  it("https:// to a plain-HTTP port", async () => {
    // A real HTTP server (moto) answers the TLS greeting with a 400 page, as web servers do.
    const url = moto.url.replace("http:", "https:");
    const res = await runCli("iam-userlistbypath", ["--url", url], { env: moto.env });
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `iam-userlistbypath: the TLS handshake with ${url} failed: the server does not speak TLS on that port; is it a plain http:// endpoint?\n`,
    });
  });
});

describe("deadlines", () => {
  it("a server that sends headers and then drips the body is cut off by the request timeout", async () => {
    const res = await against({ drip: 50 }, { IAMKIT_REQUEST_TIMEOUT: "400", AWS_MAX_ATTEMPTS: "2" }, "iam-userlistbypath");
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: [
        "iam-userlistbypath: retrying ListUsers: timed out (attempt 2 of 2)",
        `iam-userlistbypath: cannot reach the IAM endpoint ${endpoint!.url} (timed out); ListUsers failed after 2 attempts`,
        "",
      ].join("\n"),
    });
    expect(endpoint!.requests.length).toBe(2);
  });

  it("accept-and-hang says it is retrying after the first timeout, not after every attempt", async () => {
    const res = await against("stall", { IAMKIT_REQUEST_TIMEOUT: "200" }, "iam-userlistbypath");
    expect(res.stderr).toBe(
      [
        "iam-userlistbypath: retrying ListUsers: timed out (attempt 2 of 5)",
        `iam-userlistbypath: cannot reach the IAM endpoint ${endpoint!.url} (timed out); ListUsers failed after 5 attempts`,
        "",
      ].join("\n"),
    );
    expect(res.code).toBe(4);
  });

  it.each([
    ["--timeout", ["--timeout", "0.5"], {}, "--timeout 0.5 s"],
    ["IAMKIT_TIMEOUT", [], { IAMKIT_TIMEOUT: "0.5" }, "IAMKIT_TIMEOUT 0.5 s"],
  ])("%s bounds the whole command, whatever the request timeout", async (_what, argv, extra, limit) => {
    const res = await against("stall", extra, "iam-userlistbypath", ...argv);
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `iam-userlistbypath: no answer from ${endpoint!.url} within ${limit}; ListUsers failed after 1 attempt\n`,
    });
    expect(endpoint!.requests.length).toBe(1);
  });

  it("by default a request with no answer is reported after 4 s, before its 8 s attempt times out", async () => {
    const { code, stderr } = await against("stall", { AWS_MAX_ATTEMPTS: "1" }, "iam-userlistbypath");
    expect(code).toBe(4);
    expect(stderr.split("\n")).toEqual([
      "iam-userlistbypath: no answer to ListUsers yet after 4 s; waiting up to 8 s per attempt, 1 attempt",
      `iam-userlistbypath: cannot reach the IAM endpoint ${endpoint!.url} (timed out); ListUsers failed after 1 attempt`,
      "",
    ]);
  });

  it.each(["IAMKIT_REQUEST_TIMEOUT", "IAMKIT_CONNECTION_TIMEOUT"])("%s of 2^31 ms or more, which Node's timers cannot hold, is refused (exit 3)", async (variable) => {
    expect(await runCli("iam-userlistbypath", [], { env: { ...moto.env, [variable]: String(2 ** 31) } })).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: ${variable} must be a positive whole number of milliseconds, at most 86400000 (a day)\n`,
    });
  });

  it("a ProxyPort beyond 65535 in the client config file is refused where it is read (exit 3)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "iamkit-config-")), "client.cfg");
    writeFileSync(file, "ProxyHost=proxy.example\nProxyPort=99999\n");
    expect(await runCli("iam-userlistbypath", ["--client-config-file", file], { env: moto.env })).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: client config file ${file} line 2: ProxyPort must be a port number from 1 to 65535\n`,
    });
  });

  it("an invalid --timeout is a usage error (2), an invalid IAMKIT_TIMEOUT a configuration error (3)", async () => {
    expect(await runCli("iam-userlistbypath", ["--timeout", "soon"], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userlistbypath: invalid --timeout "soon": expected a positive number of seconds, at most 2147483\n',
    });
    // Longer than Node's timers can wait: it would end the command at once.
    expect((await runCli("iam-userlistbypath", ["--timeout", "2147484"], { env: moto.env })).code).toBe(2);
    expect(await runCli("iam-userlistbypath", [], { env: { ...moto.env, IAMKIT_TIMEOUT: "0" } })).toEqual({
      code: 3,
      stdout: "",
      stderr: 'iam-userlistbypath: IAMKIT_TIMEOUT must be a positive number of seconds, at most 2147483, not "0"\n',
    });
  });
});

describe("credentials inside URLs are never shown", () => {
  it("--url http://user:password@host/ -d redacts the password in debug lines and in the error", async () => {
    endpoint = await misbehaving(httpAnswer({ status: 200, contentType: "text/html", body: "<html></html>" }));
    const withPassword = endpoint.url.replace("//", "//admin:hunter2@");
    const res = await runCli("iam-userlistbypath", ["--url", `${withPassword}/`, "-d"], { env: moto.env });
    expect(res.code).toBe(4);
    expect(res.stderr).not.toContain("hunter2");
    const shown = `${endpoint.url.replace("//", "//admin:***@")}/`;
    expect(res.stderr).toContain(`debug: endpoint: ${shown} (--url), signing region us-east-1\n`);
    expect(res.stderr).toContain(`iam-userlistbypath: ${shown} did not answer like IAM: HTTP 200`);
  });

  it.each([
    ["@", "p@ss"],
    ["@ and a space", "p@s s"],
    ["@ and /", "p@s/s"],
  ])("a proxy password holding %s is hidden whole, in -d lines and errors", async (_what, password) => {
    const proxy = `127.0.0.1:${await freePort()}`;
    const res = await runCli("iam-userlistbypath", ["-d"], { env: { ...moto.env, HTTP_PROXY: `http://u:${password}@${proxy}`, AWS_MAX_ATTEMPTS: "1" } });
    expect(res.code).not.toBe(0);
    expect(res.stderr).not.toMatch(/p@|@s|s s|s\/s/);
    expect(res.stderr).toContain(`http://u:***@${proxy}`);
  });

  it("a proxy URL without a scheme is redacted too", async () => {
    const res = await runCli("iam-userlistbypath", [], { env: { ...moto.env, HTTP_PROXY: "u:p@s s@proxy:99999" } });
    expect(res).toEqual({
      code: 3,
      stdout: "",
      stderr: 'iam-userlistbypath: invalid proxy URL "u:***@proxy:99999" from HTTP_PROXY: expected http://[user:password@]host:port\n',
    });
  });

  it("an invalid endpoint URL holding a password is repeated without it", async () => {
    const res = await runCli("iam-userlistbypath", [], { env: { ...moto.env, AWS_IAM_URL: "ftp://admin:hunter2@host/" } });
    expect(res).toEqual({
      code: 3,
      stdout: "",
      stderr: 'iam-userlistbypath: invalid endpoint URL "ftp://admin:***@host/" from AWS_IAM_URL: the scheme must be http or https\n',
    });
  });
});
