import module from "node:module";

// Process-wide settings for the npm bins. node:v8 is loaded only where a setting needs it: loading
// it cost every run, `-h` included, about 1.5 ms. Nothing here applies while the single
// executable's startup snapshot is built: V8 refuses to load a snapshot taken under flags other
// than the run's own, and the executable, which loads no modules, has nothing to cache and is
// built for the fastest start (the young generation setting below cost it 11 ms of CPU per call).

/** Whether this process is building a startup snapshot; undefined where node:v8 cannot be had synchronously. */
function buildingSnapshot(): boolean | undefined {
  return process.getBuiltinModule?.("node:v8").startupSnapshot.isBuildingSnapshot();
}

// From Node 22.1 on, the compiled code of modules loaded from here on (the command, the flag
// parser, the AWS SDK) is kept on disk between runs (main.ts imports this module first); Node 20
// has no such cache and skips this without loading node:v8.
const { enableCompileCache } = module as { enableCompileCache?: () => unknown };
if (enableCompileCache && buildingSnapshot() === false) enableCompileCache();

/** Set by the single executable's snapshot entry, at build time, so its runs keep V8's defaults too. */
let v8Defaults = false;

export function keepV8Defaults(): void {
  v8Defaults = true;
}

/**
 * V8 doubles its young generation (up to 16 MiB per half) when a run allocates quickly, as a long
 * listing does, and keeps the pages: peak memory then grows with the listing although nothing is
 * retained. Not growing it keeps a 5,000-role listing's peak near a 50-role one's. Unlike
 * --max-semi-space-size, this flag is read whenever V8 considers growing, so it takes at run time.
 * Called by commands that list (the long runs) before they connect, and applied at the next turn
 * of the event loop: the young generation must not have grown yet, while start-up itself gains from
 * one that grows as the first modules load (set when the entry module loads, a call cost 30 ms more
 * CPU). Set after the IAM client existed, it came too late: 1.23x instead of 1.15x.
 */
export function stopYoungGenerationGrowth(): void {
  if (v8Defaults) return;
  // Required, not imported: a run started from a startup snapshot cannot import().
  const v8 = () => module.createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
  setImmediate(() => v8().setFlagsFromString("--semi-space-growth-factor=1")).unref();
}
