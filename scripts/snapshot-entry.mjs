// The entry of the startup snapshot (scripts/bundle.mjs bundles it into dist/bundle/snapshot/;
// the bins' launcher and scripts/build-exe.mjs build a V8 startup snapshot from it). Everything a
// call needs is imported here, so it is evaluated once at build time and every run starts from the
// evaluated heap: the command table, the flag parser, the AWS SDK client and the credential chain.
// Only state without operating-system handles may be captured, which is why the bundle defers
// node:http, node:https, node:http2 and node:tls until first use.
//
// Two ways in. The bins' launcher runs `node --no-rehash-snapshot --snapshot-blob BLOB -- BIN ARGS`
// (its flags: src/core/snapshot-flags.ts): BIN is the bin's path, whose name (iam-usercreate,
// euare-..., iamkit) says what to run. The single executable is a multi-call binary: it runs the
// command it is linked as (`iam-usercreate -> iamkit`), and as `iamkit` it is the dispatcher
// (`iamkit usercreate ...`).
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Readable, Writable } from "node:stream";
import { isSea } from "node:sea";
import { pathToFileURL } from "node:url";
import { startupSnapshot } from "node:v8";
import { IAM } from "@aws-sdk/client-iam";
import { STS } from "@aws-sdk/client-sts";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { AdaptiveRetryStrategy, StandardRetryStrategy } from "@smithy/core/retry";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Command } from "commander";
import * as client from "../dist/aws/client.js";
import * as clientConfig from "../dist/aws/client-config.js";
import * as credentials from "../dist/aws/credentials.js";
import * as http from "../dist/aws/http.js";
import { COMMANDS } from "../dist/commands/index.js";
import { processIo, runByName, runDispatcher, usePreloadedCommands } from "../dist/cli/main.js";
import { keepV8Defaults } from "../dist/cli/process-tuning.js";

usePreloadedCommands(COMMANDS);

/** What IAM answers GetUser, for the warm-up below. */
const GET_USER_ANSWER = `<GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetUserResult><User>
<Path>/</Path><UserName>warm-up</UserName><UserId>AIDAWARMUP</UserId><Arn>arn:aws:iam::123456789012:user/warm-up</Arn>
<CreateDate>2020-01-01T00:00:00Z</CreateDate></User></GetUserResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetUserResponse>`;

/**
 * A snapshot keeps the compiled code of every function that ran while it was built, and functions
 * that did not run are compiled on first use in every process. So the builder runs what a call
 * runs: `iam-usergetattributes -u warm-up` through the command path (credential file, client
 * config, endpoint, option checks, the SDK's client set-up, endpoint rules, serializer, signer,
 * retry, XML parser, output), with the SDK's HTTP handler answering in process and nothing sent,
 * and a usage error through the flag parser. The handler is put back as it was afterwards: the
 * builder cannot load node:http, which the handler's agents need.
 */
async function warmUp() {
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const stdin = Readable.from([]);
  await runByName("iam-usergetattributes", ["--no-such-option"], { stdout: discard, stderr: discard, stdin, env: {}, cwd: "/" });
  const home = mkdtempSync(join(tmpdir(), "iamkit-warm-up-"));
  const credentialFile = join(home, "account-key");
  writeFileSync(credentialFile, "AWSAccessKeyId=AKIDWARMUP\nAWSSecretKey=warm-up\n", { mode: 0o600 });
  const { handle, resolveDefaultConfig } = NodeHttpHandler.prototype;
  Object.assign(NodeHttpHandler.prototype, {
    handle: async () => ({ response: { statusCode: 200, headers: { "content-type": "text/xml" }, body: Readable.from([GET_USER_ANSWER]) } }),
    resolveDefaultConfig: () => ({}),
  });
  let errors = "";
  const stderr = new Writable({
    write: (chunk, _encoding, done) => {
      errors += chunk;
      done();
    },
  });
  try {
    const env = { HOME: home, AWS_IAM_URL: "http://127.0.0.1:1", AWS_CREDENTIAL_FILE: credentialFile };
    const code = await runByName("iam-usergetattributes", ["-u", "warm-up"], { stdout: discard, stderr, stdin, env, cwd: "/" });
    if (code !== 0) throw new Error(`the warm-up call ended with exit code ${code}: ${errors.trim()}`);
    // The handler's own request code, as far as it goes without node:http: a request already
    // cut off ends before it connects.
    NodeHttpHandler.prototype.handle = handle;
    const cutOff = { abortSignal: AbortSignal.abort() };
    await new NodeHttpHandler({}).handle({ protocol: "https:", headers: {}, path: "/", query: { Action: "GetUser" } }, cutOff).catch(() => {});
  } finally {
    Object.assign(NodeHttpHandler.prototype, { handle, resolveDefaultConfig });
    rmSync(home, { recursive: true, force: true });
  }
}
// The snapshot is taken once the event loop is empty; a failed warm-up must fail the build.
warmUp().catch((err) => {
  console.error(`warm-up failed: ${err?.stack ?? err}`);
  process.exit(1);
});

/**
 * What the CLI otherwise imports on demand. Exported so that the bundler keeps these imports (the
 * SDK's packages declare themselves free of side effects, so a bare import would be dropped).
 */
export const evaluatedAhead = [IAM, STS, defaultProvider, AdaptiveRetryStrategy, StandardRetryStrategy, Command, client, clientConfig, credentials, http];

startupSnapshot.setDeserializeMainFunction(async () => {
  // The executable is built for the fastest start: none of the bins' process settings
  // (src/cli/process-tuning.ts). The bins keep theirs, from the snapshot as without it.
  if (isSea()) keepV8Defaults();
  // The executable sees [executable, executable, ...arguments], the launcher's Node
  // [node, bin, ...arguments]: the command is named by argv0 or by the bin.
  const command = basename(isSea() ? process.argv0 : process.argv[1]).replace(/\.(exe|js)$/i, "");
  const argv = process.argv.slice(2);
  // Where this run's iamkit is installed, for `--version` (bundle.mjs makes it import.meta.url).
  globalThis.iamkitModuleUrl = pathToFileURL(realpathSync(isSea() ? process.execPath : process.argv[1])).href;
  process.exitCode = command === "iamkit" ? await runDispatcher(argv, processIo()) : await runByName(command, argv, processIo());
});
