import { afterAll, beforeAll, beforeEach } from "vitest";
import { scratchAccount } from "./moto.js";
import { iamError, startLoopbackProxy, type CapturedRequest } from "../support/loopback-proxy.mjs";

/** A scratch account for tests of what iamkit refuses before any request: no moto, no build. */
export interface Offline {
  /** A fresh directory for the file's tests, HOME included. */
  dir: string;
  /** Credentials in a legacy credential file, and AWS_IAM_URL pointed at `url`. */
  env: NodeJS.ProcessEnv;
  /** An endpoint on loopback that records every request and refuses it. */
  url: string;
  /** What reached `url` since the test started: a refused command sends nothing. */
  requests: CapturedRequest[];
}

/**
 * Sets up the scratch account once per test file. The endpoint answers every request with an
 * AccessDenied: a command that should have stopped earlier shows up in `requests`, and never
 * changes anything anywhere.
 */
export function useOffline(): Offline {
  const offline = { requests: [] } as unknown as Offline;
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  beforeAll(async () => {
    proxy = await startLoopbackProxy({
      upstream: "http://127.0.0.1:9",
      decide: ({ params }) => ({ status: 403, body: iamError("AccessDenied", `${params.Action} reached the recording endpoint`) }),
    });
    offline.url = proxy.url;
    offline.requests = proxy.requests;
    Object.assign(offline, scratchAccount(proxy.url));
  });
  beforeEach(() => {
    offline.requests.length = 0;
  });
  afterAll(() => proxy.close());
  return offline;
}
