// Shared pieces of the benchmark: a moto server of its own, process timing, medians, and the
// request-wave analysis of a loopback proxy's timeline. Plain JavaScript, run with node directly.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

export const ROOT = resolve(import.meta.dirname, "..");

/** The test credential pair moto accepts; the legacy file and the aws CLI both sign with it. */
export const ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
export const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

export async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Starts moto (installed by scripts/setup-moto.sh) on a free loopback port; `stop()` ends it. */
export async function startMoto() {
  const port = await freePort();
  const child = spawn(join(ROOT, ".moto-venv/bin/moto_server"), ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/moto-api/reset`, { method: "POST" })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`moto_server did not answer on ${url} within 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => child.kill() };
}

/** A scratch HOME with a 0600 legacy credential file, and the environments for each contender. */
export function environments(endpoint) {
  const home = mkdtempSync(join(tmpdir(), "iamkit-bench-"));
  const credentialFile = join(home, "account-key");
  writeFileSync(credentialFile, `AWSAccessKeyId=${ACCESS_KEY_ID}\nAWSSecretKey=${SECRET_ACCESS_KEY}\n`, { mode: 0o600 });
  const base = { PATH: process.env.PATH, HOME: home, LANG: "C.UTF-8" };
  return {
    home,
    /** iamkit and the legacy-serial script: endpoint and legacy credential file, as a runbook sets them. */
    iamkit: (url = endpoint) => ({ ...base, AWS_IAM_URL: url, AWS_CREDENTIAL_FILE: credentialFile }),
    /** The aws CLI: keys in the environment, no config files (HOME is empty), region pinned. */
    aws: { ...base, AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY, AWS_DEFAULT_REGION: "us-east-1" },
  };
}

/** A plain SDK client for seeding (not timed). */
export function seedingClient(endpoint) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const { IAM } = createRequire(join(ROOT, "package.json"))("@aws-sdk/client-iam");
  // moto 5.2.3 sometimes answers HTTP 500 ("dictionary changed size during iteration") to
  // concurrent creates once it holds a few thousand roles; the SDK retries those.
  const credentials = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY };
  return new IAM({ endpoint, region: "us-east-1", credentials, maxAttempts: 10 });
}

/** Runs `count` async jobs with at most `limit` in flight. */
export async function bounded(count, limit, job) {
  let next = 0;
  const worker = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/**
 * CPU time (user and system, in ms) of this process's finished children, from /proc/self/stat
 * (Linux). Counted in clock ticks of 10 ms, so it is read as a mean over many runs, never per run.
 */
export function childrenCpuMs() {
  const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /, "").split(" ");
  // After the command name: cutime and cstime are fields 16 and 17 of stat, 14 and 15 here.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * Runs a command to completion, output discarded; returns its wall time and CPU time in ms. CPU
 * time is what a loaded machine does not stretch: wall time also counts waiting for a core.
 * Fails on an exit status other than `expectedStatus`.
 */
export function timeRun([command, ...args], env, expectedStatus = 0) {
  const cpuBefore = childrenCpuMs();
  const started = process.hrtime.bigint();
  const res = spawnSync(command, args, { env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== expectedStatus) throw new Error(`${command} ${args.join(" ")} exited with ${res.status}: ${res.stderr}`);
  return { ms, cpu: childrenCpuMs() - cpuBefore };
}

/**
 * Runs a command with stdout read as it comes: wall time, the time until the first line matching
 * `firstLine` arrived, the number of lines, and the stderr text (where a preload reports maxRSS).
 */
export function timeStream([command, ...args], env, firstLine = /arn:/) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let first;
    let lines = 0;
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      if (first === undefined && firstLine.test(chunk)) first = elapsed();
      lines += chunk.split("\n").length - 1;
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => {
      const ms = elapsed();
      if (code !== 0) fail(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr}`));
      else done({ ms, first, lines, stderr });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A recording hop in front of the latency proxy: forwards every request unchanged and notes, per
 * request, its IAM action, when it arrived and when its answer had been sent back, i.e. the
 * request timeline as the client saw it (the proxy's added latency included).
 */
export async function startTimelineTap(upstream) {
  const timeline = [];
  const server = createHttpServer((req, res) => {
    const start = performance.now();
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const action = new URLSearchParams(body.toString("utf8")).get("Action");
      const up = httpRequest(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        res.on("finish", () => timeline.push({ action, start, end: performance.now() }));
      });
      up.on("error", () => req.socket.destroy());
      up.end(body);
    });
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    timeline,
    close: () => new Promise((done) => (server.closeAllConnections(), server.close(done))),
  };
}

/**
 * Waves: the runs of requests between moments when nothing was in flight. A client that waits for
 * a whole group of requests before sending the next group (list, then remove, then delete) leaves
 * such a gap between groups; one that sends requests one at a time leaves one after each.
 */
export function waves(timeline) {
  const sorted = [...timeline].sort((a, b) => a.start - b.start);
  let count = 0;
  let busyUntil = -Infinity;
  for (const { start, end } of sorted) {
    if (start >= busyUntil) count++;
    busyUntil = Math.max(busyUntil, end);
  }
  return count;
}

/**
 * Round trips on the critical path: the longest chain of requests each sent after the previous
 * one was answered. With a bound on requests in flight, a wave of more requests than the bound
 * takes several round trips.
 */
export function roundTrips(timeline) {
  const sorted = [...timeline].sort((a, b) => a.start - b.start);
  const depth = [];
  sorted.forEach(({ start }, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (sorted[j].end <= start) before = Math.max(before, depth[j]);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

/** A fixed-width table: the first row is the header. */
export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => String(cell).padEnd(widths[c])).join("  ").trimEnd()).join("\n");
}

export const ms = (value) => (value === undefined ? "-" : `${value.toFixed(0)} ms`);
export const ratio = (value, base) => `${(value / base).toFixed(2)}x`;
