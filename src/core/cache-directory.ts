import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The user's own iamkit cache directory: $XDG_CACHE_HOME/iamkit, else ~/.cache/iamkit. The bins'
 * launcher (src/gen/artifacts.ts) computes the same path in sh to find the startup snapshot.
 */
export function userCacheDirectory(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache"), "iamkit");
}
