// Runs the strict IAM layer as its own process, so that it answers even while the test process
// is blocked (a test that waits for a child with spawnSync, say). Usage:
//   node strict-iam-server.mjs <upstream-url>
// with STRICT_IAM_KNOWN_KEYS='{"<access key id>":"<secret>"}' in the environment. Prints the
// layer's URL as its first line, and exits when its standard input closes (the parent is gone).
import { startStrictIam } from "./strict-iam.mjs";

const [upstream] = process.argv.slice(2);
const layer = await startStrictIam({ upstream, knownKeys: JSON.parse(process.env.STRICT_IAM_KNOWN_KEYS ?? "{}") });
process.stdout.write(`${layer.url}\n`);
const stop = async () => {
  await layer.close();
  process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
