import module from "node:module";
import { setFlagsFromString, startupSnapshot } from "node:v8";

// Process-wide settings for the npm bins, applied when the CLI's entry module loads (main.ts
// imports this first). Not while the single executable's startup snapshot is built: V8 refuses to
// load a snapshot taken under flags other than the run's own, and the executable, which loads no
// modules, has nothing to cache and is built for the fastest start (the young generation setting
// below cost it 11 ms of CPU time per call).
if (!startupSnapshot.isBuildingSnapshot()) {
  // From Node 22.1 on, the compiled code of modules loaded from here on (the command, the flag
  // parser, the AWS SDK) is kept on disk between runs; Node 20 has no such cache and skips this.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // V8 doubles its young generation (up to 16 MiB per half) when a run allocates quickly, as a long
  // listing does, and keeps the pages: peak memory then grows with the listing although nothing
  // is retained. Not growing it keeps a 5,000-role listing's peak near a 50-role one's. Unlike
  // --max-semi-space-size, this flag is read whenever V8 considers growing, so it takes at run time.
  // Set at the first turn of the event loop, not here: start-up itself gains from a young
  // generation that grows while the first modules load (set here, a call cost 30 ms more CPU).
  setImmediate(() => setFlagsFromString("--semi-space-growth-factor=1")).unref();
}
