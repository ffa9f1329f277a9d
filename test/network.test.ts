import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, useMoto, writeTestFile } from "./harness/moto.js";
import { runBin } from "./harness/run-bin.js";
import { runCli } from "./harness/run-cli.js";
import { startForwardProxy } from "./support/forward-proxy.mjs";
import { startLoopbackProxy } from "./support/loopback-proxy.mjs";
import { createTestCa } from "./support/test-ca.mjs";

/*
 * Corporate networks on loopback: moto over HTTPS (the loopback proxy in front of it, with a
 * certificate from a CA made up for this run), a forward proxy and a CONNECT proxy that record
 * what passed, and AWS's own hosts at the end of that proxy's tunnels (the loopback proxy again,
 * with a certificate for them) so that region and partition are checked without a network.
 */

const moto = useMoto();
const ca = createTestCa();
let https: Awaited<ReturnType<typeof startLoopbackProxy>>;
let caFile: string;

beforeAll(async () => {
  const { certPem, keyPem } = ca.issue(["localhost"]);
  caFile = writeTestFile(moto, "corporate-ca.pem", ca.caPem);
  https = await startLoopbackProxy({ upstream: moto.url, tls: { certPem, keyPem } });
}, 30_000);
afterAll(() => https?.close());

/** A proxy for one test, closed when the test ends. */
async function withProxy<T>(options: Parameters<typeof startForwardProxy>[0], use: (proxy: Awaited<ReturnType<typeof startForwardProxy>>) => Promise<T>) {
  const proxy = await startForwardProxy(options);
  try {
    return await use(proxy);
  } finally {
    await proxy.close();
  }
}

const list = (env: NodeJS.ProcessEnv, ...argv: string[]) => runCli("iam-userlistbypath", argv, { env: { ...moto.env, ...env } });
const EMPTY = "IsTruncated: false\n";

describe("certificate authorities", () => {
  it("a certificate from a private CA is refused with the reason and the variables that fix it (exit 4)", async () => {
    const res = await list({ AWS_IAM_URL: https.url });
    expect(res.code).toBe(4);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(
      new RegExp(
        `^iam-userlistbypath: the TLS certificate of ${https.url} is not trusted \\((unable to verify the first certificate|self-signed certificate in certificate chain)\\); ` +
          "if your network uses its own certificate authority, name its PEM file in AWS_CA_BUNDLE or in the profile's ca_bundle\\n$",
      ),
    );
  });

  it("AWS_CA_BUNDLE adds the CA", async () => {
    const res = await list({ AWS_IAM_URL: https.url, AWS_CA_BUNDLE: caFile }, "-d");
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(EMPTY);
    expect(res.stderr).toContain(`debug: CA bundle: ${caFile} (AWS_CA_BUNDLE)\n`);
  });

  it("so does the profile's ca_bundle, in the file AWS_CONFIG_FILE names", async () => {
    const config = writeTestFile(moto, "config-ca", `[default]\nregion = us-east-1\n\n[profile corp]\nca_bundle = ${caFile}\n`);
    const res = await list({ AWS_IAM_URL: https.url, AWS_CONFIG_FILE: config, AWS_PROFILE: "corp" }, "-d");
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(EMPTY);
    expect(res.stderr).toContain(`debug: CA bundle: ${caFile} (ca_bundle of profile corp in ${config})\n`);
  });

  it("the CA is added to Node's own: public CAs stay trusted (moto over plain HTTP is unaffected too)", async () => {
    expect(await list({ AWS_CA_BUNDLE: caFile })).toEqual({ code: 0, stdout: EMPTY, stderr: "" });
  });

  it.each([
    ["missing", null, "does not exist"],
    ["holding no certificate", "not a certificate\n", "holds no PEM certificate"],
  ])("a %s bundle is a configuration error naming it (exit 3), before any request", async (_what, content, reason) => {
    const file = content === null ? `${moto.dir}/no-such-ca.pem` : writeTestFile(moto, "empty-ca.pem", content);
    expect(await list({ AWS_IAM_URL: https.url, AWS_CA_BUNDLE: file })).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: CA bundle ${file} (AWS_CA_BUNDLE) ${reason}\n`,
    });
  });
});

describe("proxies from the standard variables", () => {
  it("HTTP_PROXY forwards requests to a plain-http endpoint", async () => {
    await withProxy({}, async (proxy) => {
      const res = await list({ HTTP_PROXY: proxy.url }, "-d");
      expect(res.code).toBe(0);
      expect(res.stdout).toBe(EMPTY);
      expect(res.stderr).toContain(`debug: proxy: ${proxy.url} (HTTP_PROXY)\n`);
      expect(proxy.passed).toEqual([{ kind: "forward", target: `${moto.url}/`, proxyAuthorization: undefined }]);
    });
  });

  it("HTTPS_PROXY tunnels requests to an https endpoint with CONNECT, and the CA bundle still applies", async () => {
    await withProxy({}, async (proxy) => {
      const res = await list({ AWS_IAM_URL: https.url, AWS_CA_BUNDLE: caFile, HTTPS_PROXY: proxy.url, HTTP_PROXY: "http://127.0.0.1:9" });
      expect(res).toEqual({ code: 0, stdout: EMPTY, stderr: "" });
      expect(proxy.passed).toEqual([{ kind: "connect", target: new URL(https.url).host, proxyAuthorization: undefined }]);
    });
  });

  it("credentials in the proxy URL are sent to the proxy and never printed", async () => {
    await withProxy({ credentials: "corp\\user:s3cret" }, async (proxy) => {
      const withCredentials = proxy.url.replace("//", "//corp%5Cuser:s3cret@");
      const res = await list({ AWS_IAM_URL: https.url, AWS_CA_BUNDLE: caFile, https_proxy: withCredentials }, "-d");
      expect(res.code).toBe(0);
      expect(res.stderr).not.toContain("s3cret");
      expect(res.stderr).toContain(`debug: proxy: ${proxy.url.replace("//", "//corp%5Cuser:***@")} (https_proxy)\n`);
      expect(proxy.passed[0].proxyAuthorization).toBe(`Basic ${Buffer.from("corp\\user:s3cret").toString("base64")}`);
    });
  });

  it("the lower-case variable wins, as in the aws CLI; the client config file's ProxyHost wins over both", async () => {
    await withProxy({}, async (lower) => {
      await withProxy({}, async (configured) => {
        expect(await list({ http_proxy: lower.url, HTTP_PROXY: "http://127.0.0.1:9" })).toEqual({ code: 0, stdout: EMPTY, stderr: "" });
        expect(lower.passed).toHaveLength(1);
        const port = new URL(configured.url).port;
        const config = writeTestFile(moto, "proxy.conf", `ProxyHost=127.0.0.1\nProxyPort=${port}\n`);
        expect(await list({ http_proxy: lower.url, CLIENT_CONFIG_FILE: config })).toEqual({ code: 0, stdout: EMPTY, stderr: "" });
        expect(lower.passed).toHaveLength(1);
        expect(configured.passed.map((p) => p.kind)).toEqual(["connect"]);
      });
    });
  });

  it.each([
    ["the host", "127.0.0.1", true],
    ["the host and its port", "example.com, 127.0.0.1:{port}", true],
    ["a CIDR range holding it", "10.0.0.0/8 127.0.0.0/8", true],
    ["*", "*", true],
    ["the host with another port", "127.0.0.1:1", false],
    ["domain suffixes it is not in", ".example.com,*.corp", false],
    ["a CIDR range not holding it", "10.0.0.0/8", false],
  ])("NO_PROXY naming %s (%s): bypassed = %s", async (_what, noProxy, bypassed) => {
    await withProxy({}, async (proxy) => {
      const env = { HTTP_PROXY: proxy.url, NO_PROXY: noProxy.replace("{port}", new URL(moto.url).port) };
      expect(await list(env)).toEqual({ code: 0, stdout: EMPTY, stderr: "" });
      expect(proxy.passed).toHaveLength(bypassed ? 0 : 1);
    });
  });

  it("a domain suffix in no_proxy matches the host's subdomains", async () => {
    await withProxy({}, async (proxy) => {
      const res = await runCli("iam-userlistbypath", [], {
        env: { ...moto.env, AWS_IAM_URL: moto.url.replace("127.0.0.1", "localhost"), HTTP_PROXY: proxy.url, no_proxy: ".localhost,localhost" },
      });
      expect(res).toEqual({ code: 0, stdout: EMPTY, stderr: "" });
      expect(proxy.passed).toEqual([]);
    });
  });

  it.each([
    ["NO_PROXY", "127.0.0.1/33", "0 to 32"],
    ["no_proxy", "fd00::/129", "0 to 128"],
    ["NO_PROXY", "example.com/8", "0 to 32"],
  ])("%s=%s is a configuration error naming the variable and the entry (exit 3)", async (variable, entry, bits) => {
    const res = await runCli("iam-userlistbypath", [], { env: { ...moto.env, HTTP_PROXY: "http://127.0.0.1:9", [variable]: `localhost,${entry}` } });
    expect(res).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: ${variable} entry "${entry}" is not an address range: expected an IP address, "/" and ${bits}\n`,
    });
  });

  it("a proxy that is down: exit 4 naming the endpoint and the proxy, without the proxy's password", async () => {
    const proxy = `http://127.0.0.1:${await freePort()}`;
    const res = await list({ HTTP_PROXY: proxy.replace("//", "//u:hunter2@"), AWS_MAX_ATTEMPTS: "1" });
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `iam-userlistbypath: cannot reach the IAM endpoint ${moto.url} via proxy ${proxy.replace("//", "//u:***@")} (ECONNREFUSED); ListUsers failed after 1 attempt\n`,
    });
  });

  it("a CONNECT proxy that accepts and never answers: the run ends at its deadline, the process too (exit 4)", async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((done) => silent.listen(0, "127.0.0.1", done));
    const proxy = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      // A real process: a socket left open would keep it alive after its error, past the test's time.
      const res = await runBin("iam-userlistbypath", ["--timeout", "1"], { env: { ...moto.env, AWS_IAM_URL: https.url, HTTPS_PROXY: proxy } });
      expect(res).toEqual({
        code: 4,
        signal: null,
        stdout: "",
        stderr: `iam-userlistbypath: no answer from ${https.url} via proxy ${proxy} within --timeout 1 s; ListUsers failed after 1 attempt\n`,
      });
      expect(held.length).toBe(1);
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });

  it.each([
    ["a forwarded request", () => ({ HTTP_PROXY: "{proxy}" })],
    ["a CONNECT tunnel", () => ({ AWS_IAM_URL: https.url, AWS_CA_BUNDLE: caFile, HTTPS_PROXY: "{proxy}" })],
  ])("a proxy that wants credentials says so for %s (exit 4)", async (_what, settings) => {
    await withProxy({ credentials: "corp:secret" }, async (proxy) => {
      const env = Object.fromEntries(Object.entries(settings()).map(([k, v]) => [k, v.replace("{proxy}", proxy.url)]));
      const res = await list(env);
      const endpoint = env.AWS_IAM_URL ?? moto.url;
      expect(res).toEqual({
        code: 4,
        stdout: "",
        stderr: `iam-userlistbypath: ${endpoint} via proxy ${proxy.url} did not answer like IAM: HTTP 407, content type none, the proxy wants credentials: give them in its URL, http://user:password@host:port\n`,
      });
    });
  });

  it("an invalid proxy URL is a configuration error naming the variable, without its password (exit 3)", async () => {
    expect(await list({ HTTP_PROXY: "ftp://u:hunter2@proxy:21" })).toEqual({
      code: 3,
      stdout: "",
      stderr: 'iam-userlistbypath: invalid proxy URL "ftp://u:***@proxy:21" from HTTP_PROXY: the scheme must be http or https\n',
    });
  });
});

describe("region and partition from the standard chain", () => {
  const HOSTS = ["iam.amazonaws.com", "iam.cn-north-1.amazonaws.com.cn", "iam.us-gov.amazonaws.com"];
  const aws = ca.issue(HOSTS);
  const answer = {
    status: 200,
    body: '<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>',
  };

  it.each([
    ["nothing set", [], {}, "", "iam.amazonaws.com", "us-east-1", "partition aws of region us-east-1 from default"],
    ["--region", ["--region", "eu-west-1"], { AWS_REGION: "cn-north-1" }, "", "iam.amazonaws.com", "us-east-1", "partition aws of region eu-west-1 from --region"],
    ["AWS_REGION", [], { AWS_REGION: "cn-northwest-1", AWS_DEFAULT_REGION: "us-gov-west-1" }, "", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "partition aws-cn of region cn-northwest-1 from AWS_REGION"],
    ["AWS_DEFAULT_REGION", [], { AWS_DEFAULT_REGION: "us-gov-east-1" }, "[default]\nregion = cn-north-1\n", "iam.us-gov.amazonaws.com", "us-gov-west-1", "partition aws-us-gov of region us-gov-east-1 from AWS_DEFAULT_REGION"],
    ["the default profile's region", [], {}, "[default]\nregion = cn-north-1\n", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "partition aws-cn of region cn-north-1 from profile default in {config}"],
    ["--profile's region", ["--profile", "gov"], {}, "[default]\nregion = cn-north-1\n[profile gov]\nregion = us-gov-west-1\n", "iam.us-gov.amazonaws.com", "us-gov-west-1", "partition aws-us-gov of region us-gov-west-1 from profile gov in {config}"],
  ])("%s", async (_what, argv, extra, configText, host, signingRegion, source) => {
    const config = writeTestFile(moto, `config-${Math.random().toString(36).slice(2)}`, configText);
    const { AWS_IAM_URL: _direct, ...env } = moto.env;
    // AWS's host as the proxy's tunnels reach it: the loopback proxy with the test CA's certificate for it.
    const awsHost = await startLoopbackProxy({ upstream: moto.url, tls: aws, decide: () => answer });
    await withProxy({ divert: awsHost.url }, async (proxy) => {
      const res = await runCli("iam-userlistbypath", ["-d", ...argv], {
        env: { ...env, ...extra, AWS_CONFIG_FILE: config, HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: caFile },
      });
      expect(res.code).toBe(0);
      expect(res.stdout).toBe(EMPTY);
      expect(res.stderr).toContain(`debug: endpoint: https://${host} (${source.replace("{config}", config)}), signing region ${signingRegion}\n`);
      expect(proxy.passed.map((p) => p.target)).toEqual([`${host}:443`]);
      expect(awsHost.requests).toHaveLength(1);
      expect(awsHost.requests[0].headers.host).toBe(host);
      expect(awsHost.requests[0].headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/\\d{8}/${signingRegion}/iam/aws4_request,`));
      expect(awsHost.requests[0].body).toContain("Action=ListUsers");
    }).finally(() => awsHost.close());
  });

  it("an AWS endpoint given by URL is signed for its partition's region; another endpoint for the chain's", async () => {
    const viaUrl = await list({ AWS_IAM_URL: "https://iam.us-gov.amazonaws.com", AWS_REGION: "eu-west-1", HTTPS_PROXY: "http://127.0.0.1:9", AWS_MAX_ATTEMPTS: "1" }, "-d");
    expect(viaUrl.stderr).toContain("debug: endpoint: https://iam.us-gov.amazonaws.com (AWS_IAM_URL), signing region us-gov-west-1\n");
    const emulator = await list({ AWS_REGION: "eu-west-1" }, "-d");
    expect(emulator.code).toBe(0);
    expect(emulator.stderr).toContain(`debug: endpoint: ${moto.url} (AWS_IAM_URL), signing region eu-west-1\n`);
  });

  it("an invalid region from the environment is a configuration error (exit 3)", async () => {
    expect(await list({ AWS_REGION: "Frankfurt" })).toEqual({
      code: 3,
      stdout: "",
      stderr: 'iam-userlistbypath: invalid region "Frankfurt" from AWS_REGION: expected a region name such as us-east-1\n',
    });
  });
});
