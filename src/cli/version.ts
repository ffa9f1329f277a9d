import { readFileSync } from "node:fs";

/**
 * The answer to `--version` (wherever it stands, as -h), or undefined when argv does not ask:
 * iamkit's own version from its package.json (found by walking up from this module,
 * which may sit in dist/cli or in a bundle chunk); with -d also Node's and the bundled AWS SDK's.
 * The SDK's manifest is bundled at build time, so nothing of the SDK itself is loaded.
 */
export async function versionText(argv: readonly string[]): Promise<string | undefined> {
  if (!argv.includes("--version")) return undefined;
  const debug = argv.includes("-d") || argv.includes("--debug");
  const lines = [`iamkit ${ownVersion()}`];
  if (debug) {
    const sdk = await import("@aws-sdk/client-iam/package.json", { with: { type: "json" } });
    lines.push(`node ${process.versions.node}`, `@aws-sdk/client-iam ${sdk.default.version}`);
  }
  return lines.join("\n") + "\n";
}

function ownVersion(): string {
  for (let dir = new URL(".", import.meta.url); dir.pathname !== "/"; dir = new URL("..", dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("package.json", dir), "utf8"));
      if (pkg.name === "iamkit") return pkg.version;
    } catch {
      // no package.json here: keep walking up
    }
  }
  return "unknown";
}
