import { ConfigError } from "../core/errors.js";
import { parseSeconds, SECONDS_EXPECTED } from "../core/seconds.js";
import type { CommandDeadline } from "./deadline-handler.js";

export { loadCaBundle } from "./ca-bundle.js";
export { chooseProxy } from "./http.js";
export { redactUrl } from "./redact.js";

/** --timeout, else IAMKIT_TIMEOUT: the time the whole command may take, from now. */
export function commandDeadline(flag: number | undefined, env: NodeJS.ProcessEnv): CommandDeadline | undefined {
  const raw = env.IAMKIT_TIMEOUT;
  const seconds = flag ?? (raw ? parseSeconds(raw) : undefined);
  if (raw && flag === undefined && seconds === undefined) {
    throw new ConfigError(`IAMKIT_TIMEOUT must be ${SECONDS_EXPECTED}, not "${raw}"`);
  }
  if (seconds === undefined) return undefined;
  return { at: Date.now() + seconds * 1000, seconds, source: flag !== undefined ? "--timeout" : "IAMKIT_TIMEOUT" };
}
