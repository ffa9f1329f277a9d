#!/usr/bin/env node
// npm run bench: iamkit side by side with `node -e ''`, the aws CLI and the legacy serial strategy,
// against a local moto server of its own. Contenders run alternately, run after run, so a burst of
// load on the machine hits them alike; medians are printed with their ratios. Not a test: nothing
// here asserts, and CI never runs it.
//
//   BENCH_RUNS=N       runs per contender in every scenario (defaults: 15 start-up, 5 deletes, 3 listings, 3 runbooks)
//   BENCH_ONLY=a,b,c,d run only these scenarios (a start-up, b recursive deletes, c listing, d a runbook planned and run)
//   BENCH_IAMKIT=DIR   time the bins of another iamkit checkout (built), for before/after figures
// Start-up times the npm bins from their startup snapshot and without it (IAMKIT_NO_SNAPSHOT), and
// the single executable (dist/exe, `npm run build:exe`) when it is there.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { seedLoadedUser } from "../test/support/fixtures.mjs";
import { emptySuccess, startLoopbackProxy } from "../test/support/loopback-proxy.mjs";
import {
  ROOT,
  bounded,
  childrenCpuMs,
  environments,
  median,
  ms,
  ratio,
  seedingClient,
  roundTrips,
  startMoto,
  startTimelineTap,
  table,
  timeRun,
  timeStream,
  waves,
} from "./support.mjs";

const runs = (fallback) => Number(process.env.BENCH_RUNS ?? fallback);
const only = new Set((process.env.BENCH_ONLY ?? "a,b,c,d").split(","));
const IAMKIT = resolve(process.env.BENCH_IAMKIT ?? ROOT);
const bin = (name) => join(IAMKIT, "bin", `${name}.js`);
const AWS = join(ROOT, ".bench-venv/bin/aws");
const DELAY_MS = 50;

// Only start-up and listing compare with the aws CLI.
const needsAws = only.has("a") || only.has("c");
for (const script of ["scripts/setup-moto.sh", ...(needsAws ? ["bench/setup-awscli.sh"] : [])]) {
  const res = spawnSync("bash", [join(ROOT, script)], { stdio: "inherit" });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const say = (text = "") => process.stdout.write(`${text}\n`);
const goal = (met, text) => `${met ? "met" : "MISSED"}: ${text}`;

/** Runs every contender `count` times, alternating; returns each one's list of results. */
async function alternate(count, contenders, once) {
  const results = contenders.map(() => []);
  for (let r = 0; r < count; r++) {
    for (const [i, contender] of contenders.entries()) results[i].push(await once(contender, r));
  }
  return results;
}

/** The single executable (npm run build:exe), timed beside the npm bins when it has been built. */
const exe = (name) => join(IAMKIT, "dist/exe", name);
const hasExe = existsSync(exe("iamkit"));

/** Builds the bins' startup snapshot into the bench's HOME, as installing does; false for a build without one. */
async function installSnapshot(home) {
  const module = join(IAMKIT, "dist/bundle/cli/snapshot.js");
  if (!existsSync(module)) return false;
  const { buildSnapshot, snapshotPath } = await import(pathToFileURL(module).href);
  const failed = buildSnapshot(snapshotPath({ HOME: home }));
  if (failed) throw new Error(`building the startup snapshot failed: ${failed}`);
  return true;
}

async function startup(moto, env, iam) {
  await iam.createUser({ UserName: "x" });
  // The npm bins as installed (their launcher starts Node from the snapshot), then as they ran
  // before the snapshot (IAMKIT_NO_SNAPSHOT), call and -h each.
  const ways = (await installSnapshot(env.home)) ? [["snapshot", env.iamkit()], ["no snapshot", { ...env.iamkit(), IAMKIT_NO_SNAPSHOT: "1" }]] : [["npm bin", env.iamkit()]];
  const calls = ways.flatMap(([way, e]) => [
    [`${way}: iam-usergetattributes -u x`, [bin("iam-usergetattributes"), "-u", "x"], e],
    [`${way}: iam-usergetattributes -h`, [bin("iam-usergetattributes"), "-h"], e],
  ]);
  if (hasExe) {
    calls.push(
      ["single executable: -u x", [exe("iam-usergetattributes"), "-u", "x"], env.iamkit()],
      ["single executable: -h", [exe("iam-usergetattributes"), "-h"], env.iamkit()],
    );
  }
  const contenders = [
    ["node -e ''", ["node", "-e", ""], env.iamkit()],
    ...calls,
    // A name nobody created: the one path on which a call reads the record of recent creates.
    ["iam-usergetattributes -u nobody (NoSuchEntity)", [bin("iam-usergetattributes"), "-u", "nobody"], env.iamkit(), 1],
    ["aws iam get-user --user-name x", [AWS, "iam", "get-user", "--user-name", "x", "--endpoint-url", moto.url], env.aws],
  ];
  // One untimed run each, so no contender pays for a cold file cache.
  for (const [, argv, e, status] of contenders) timeRun(argv, e, status);
  const count = runs(15);
  const results = await alternate(count, contenders, ([, argv, e, status]) => timeRun(argv, e, status));
  const times = results.map((rs) => median(rs.map((r) => r.ms)));
  const cpu = results.map((rs) => rs.reduce((sum, r) => sum + r.cpu, 0) / rs.length);
  const node = times[0];
  const aws = times.at(-1);
  say(`## a) start-up: whole-process wall time, median of ${count} alternating runs; CPU time (user + system), mean`);
  say(
    table([
      ["contender", "median", "vs node", "vs aws", "CPU", "CPU vs node"],
      ...contenders.map(([name], i) => [name, ms(times[i]), ratio(times[i], node), ratio(times[i], aws), ms(cpu[i]), ratio(cpu[i], cpu[0])]),
    ]),
  );
  const helpBefore = times[ways.length * 2];
  for (let i = 0; i < calls.length; i += 2) {
    const [call, help] = [times[i + 1], times[i + 2]];
    const who = calls[i][0].replace(/: .*/, "");
    // The bins without the snapshot are what the goals are measured against, not a contender for them.
    if (who === "no snapshot") continue;
    say(goal(call <= 3 * node, `${who} call <= 3x node (${ratio(call, node)}); then toward 2.5x`));
    say(goal(call <= 0.15 * aws, `${who} call <= 0.15x aws (${ratio(call, aws)})`));
    say(goal(help <= helpBefore, `${who} -h no slower than the bins without the snapshot (${ratio(help, helpBefore)})`));
  }
  say();
}

/** Times a recursive delete through the tap and the latency proxy; the tap's timeline gives the waves. */
async function throughProxy(tap, argv, env) {
  tap.timeline.length = 0;
  // The proxy runs in this process, so the command is awaited, never run synchronously.
  const { ms: wall } = await timeStream(argv, env);
  return { wall, requests: tap.timeline.length, waves: waves(tap.timeline), roundTrips: roundTrips(tap.timeline) };
}

async function recursiveDeletes(moto, env, iam) {
  const proxy = await startLoopbackProxy({
    upstream: moto.url,
    delayMs: DELAY_MS,
    // moto lacks ListServiceSpecificCredentials and answers HTTP 500, which clients retry with
    // backoff; IAM answers a user without any with an empty list, so the proxy does, for both
    // contenders alike.
    decide: ({ params }) => {
      const action = "ListServiceSpecificCredentials";
      return params.Action === action ? { status: 200, body: emptySuccess(action) } : undefined;
    },
  });
  const tap = await startTimelineTap(proxy.url);
  try {
    const count = runs(5);
    const report = (title, names, results) => {
      const summary = results.map((rs) => Object.fromEntries(["wall", "requests", "waves", "roundTrips"].map((k) => [k, median(rs.map((r) => r[k]))])));
      say(`## ${title}: ${DELAY_MS} ms added to every request, median of ${count} alternating runs`);
      say(
        table([
          ["contender", "wall", "requests", "waves", "round trips", "vs legacy serial"],
          ...names.map((name, i) => [name, ms(summary[i].wall), summary[i].requests, summary[i].waves, summary[i].roundTrips, ratio(summary[i].wall, summary[1].wall)]),
        ]),
      );
      return summary[0];
    };

    const users = Array.from({ length: count }, (_, r) => [`loaded-iamkit-${r}`, `loaded-legacy-${r}`]);
    for (const pair of users) for (const name of pair) await seedLoadedUser(iam, name);
    const userResults = await alternate(count, ["iamkit", "legacy"], (who, r) =>
      throughProxy(
        tap,
        who === "iamkit"
          ? [bin("iam-userdel"), "-u", users[r][0], "-r"]
          : ["node", join(ROOT, "bench/legacy-serial.mjs"), "userdel", users[r][1]],
        env.iamkit(tap.url),
      ),
    );
    const user = report("b) iam-userdel -r, fully loaded user", ["iam-userdel -r", "legacy serial"], userResults);
    say(goal(user.waves <= 4, `iam-userdel -r in <= 4 waves (${user.waves})`));
    say();

    const MEMBERS = 50;
    const groups = Array.from({ length: count }, (_, r) => [`big-iamkit-${r}`, `big-legacy-${r}`]);
    for (const GroupName of groups.flat()) {
      await iam.createGroup({ GroupName });
      await bounded(MEMBERS, 8, async (m) => {
        const UserName = `${GroupName}-member-${m}`;
        await iam.createUser({ UserName });
        await iam.addUserToGroup({ GroupName, UserName });
      });
    }
    const groupResults = await alternate(count, ["iamkit", "legacy"], (who, r) =>
      throughProxy(
        tap,
        who === "iamkit"
          ? [bin("iam-groupdel"), "-g", groups[r][0], "-r"]
          : ["node", join(ROOT, "bench/legacy-serial.mjs"), "groupdel", groups[r][1]],
        env.iamkit(tap.url),
      ),
    );
    const group = report(`b) iam-groupdel -r, group with ${MEMBERS} members`, ["iam-groupdel -r", "legacy serial"], groupResults);
    say(goal(group.waves <= 4, `iam-groupdel -r in <= 4 waves (${group.waves})`));
    say(`   (at most 8 requests in flight: ${MEMBERS} removals take at least ${Math.ceil(MEMBERS / 8)} round trips)`);
    say();
  } finally {
    await tap.close();
    await proxy.close();
  }
}

async function listing(moto, env, iam) {
  const BIG = 5000;
  const SMALL = 50;
  const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
  });
  const started = performance.now();
  await bounded(BIG + SMALL, 16, (i) =>
    iam.createRole(
      i < BIG
        ? { RoleName: `big-${String(i).padStart(5, "0")}`, Path: "/big/", AssumeRolePolicyDocument: trust }
        : { RoleName: `small-${i}`, Path: "/small/", AssumeRolePolicyDocument: trust },
    ),
  );
  say(`(seeded ${BIG + SMALL} roles in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const measured = { ...env.iamkit(), NODE_OPTIONS: `--import=${pathToFileURL(join(ROOT, "bench/maxrss.mjs")).href}` };
  const contenders = [
    [`iam-rolelistbypath (${BIG} roles)`, [bin("iam-rolelistbypath"), "-p", "/big/"], measured],
    [`aws iam list-roles --output text (${BIG} roles)`, [AWS, "iam", "list-roles", "--path-prefix", "/big/", "--output", "text", "--endpoint-url", moto.url], env.aws],
    [`iam-rolelistbypath (${SMALL} roles)`, [bin("iam-rolelistbypath"), "-p", "/small/"], measured],
  ];
  const count = runs(3);
  const results = await alternate(count, contenders, async ([, argv, e]) => {
    const res = await timeStream(argv, e);
    const rss = /maxrss-kib: (\d+)/.exec(res.stderr);
    return { ...res, rssMiB: rss ? Number(rss[1]) / 1024 : undefined };
  });
  const [big, aws, small] = results.map((rs) => ({
    wall: median(rs.map((r) => r.ms)),
    first: median(rs.map((r) => r.first)),
    lines: rs[0].lines,
    rss: rs[0].rssMiB === undefined ? undefined : median(rs.map((r) => r.rssMiB)),
  }));
  const rows = [big, aws, small].map((s, i) => [
    contenders[i][0],
    ms(s.wall),
    ms(s.first),
    s.lines,
    s.rss === undefined ? "-" : `${s.rss.toFixed(1)} MiB`,
  ]);
  say(`## c) listing: median of ${count} alternating runs`);
  say(table([["contender", "wall", "first ARN line", "lines", "peak RSS"], ...rows]));
  say(goal(big.wall <= 0.5 * aws.wall, `iamkit <= 0.5x aws for ${BIG} roles (${ratio(big.wall, aws.wall)})`));
  say(goal(big.rss <= 1.2 * small.rss, `peak RSS for ${BIG} roles within 20% of ${SMALL} (${ratio(big.rss, small.rss)})`));
  say();
}

/**
 * A 31-step onboarding runbook (bench/onboarding-31.sh) planned with `iamkit plan` and really run,
 * alternately, through the latency proxy: each run onboards a team of its own, so every real run
 * creates everything anew.
 */
async function runbook(moto, env) {
  const proxy = await startLoopbackProxy({ upstream: moto.url, delayMs: DELAY_MS });
  const tap = await startTimelineTap(proxy.url);
  const script = join(ROOT, "bench/onboarding-31.sh");
  const PATH = `${join(IAMKIT, ".bin")}:${process.env.PATH}`;
  try {
    const count = runs(3);
    const results = await alternate(count, ["plan", "run"], async (how, r) => {
      tap.timeline.length = 0;
      const argv = how === "plan" ? ["node", bin("iamkit"), "plan", script, `team-plan-${r}`] : ["bash", script, `team-run-${r}`];
      // CPU time of every process the runbook started (waited-for descendants): what load does not stretch.
      const cpuBefore = childrenCpuMs();
      const { ms: wall } = await timeStream(argv, { ...env.iamkit(tap.url), PATH });
      const changes = tap.timeline.filter(({ action }) => !/^(Get|List)/.test(action)).length;
      return { wall, cpu: childrenCpuMs() - cpuBefore, requests: tap.timeline.length, changes };
    });
    const fields = ["wall", "cpu", "requests", "changes"];
    const [plan, run] = results.map((rs) => Object.fromEntries(fields.map((k) => [k, median(rs.map((x) => x[k]))])));
    say(`## d) a 31-step onboarding runbook, planned and run: ${DELAY_MS} ms added to every request, median of ${count} alternating runs`);
    say(
      table([
        ["contender", "wall", "vs run", "CPU", "CPU vs run", "requests", "changing requests"],
        ["iamkit plan onboarding-31.sh", ms(plan.wall), ratio(plan.wall, run.wall), ms(plan.cpu), ratio(plan.cpu, run.cpu), plan.requests, plan.changes],
        ["bash onboarding-31.sh", ms(run.wall), "1.00x", ms(run.cpu), "1.00x", run.requests, run.changes],
      ]),
    );
    say(goal(plan.wall <= run.wall, `a plan takes no longer than the run (${ratio(plan.wall, run.wall)})`));
    say(goal(plan.changes === 0, `a plan sends no changing request (${plan.changes})`));
    say();
  } finally {
    await tap.close();
    await proxy.close();
  }
}

const moto = await startMoto();
const env = environments(moto.url);
const iam = seedingClient(moto.url);
const awsVersion = needsAws ? `; ${spawnSync(AWS, ["--version"], { encoding: "utf8" }).stdout.trim()}` : "";
say(`iamkit bins: ${join(IAMKIT, "bin")}; node ${process.version}${awsVersion}`);
say("every contender runs with a minimal environment: PATH, HOME, LANG, and its endpoint and credentials");
say();
try {
  if (only.has("a")) await startup(moto, env, iam);
  if (only.has("b")) await recursiveDeletes(moto, env, iam);
  if (only.has("c")) await listing(moto, env, iam);
  if (only.has("d")) await runbook(moto, env);
} finally {
  moto.stop();
  rmSync(env.home, { recursive: true, force: true });
}
