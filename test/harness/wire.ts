import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Moto } from "./moto.js";
import { emptySuccess, startLoopbackProxy, type CapturedRequest } from "../support/loopback-proxy.mjs";

export { verifySignature } from "../support/sigv4.mjs";

/** One request as it crossed the loopback wire. */
export type WireRequest = CapturedRequest;

export interface Wire {
  /** Point AWS_IAM_URL here: requests are recorded, then forwarded to moto or answered by a stub. */
  url: string;
  requests: WireRequest[];
  /** Answers `action` with an empty IAM success instead of forwarding it (for actions moto lacks). */
  stub(action: string): void;
}

/**
 * A recording endpoint in front of moto. Where moto lacks an action (ResyncMFADevice,
 * UpdateServerCertificate, ...) the test proves the request instead: every field on the wire, and
 * the SigV4 signature recomputed with the secret (verifySignature).
 */
export function useWire(moto: Moto): Wire {
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  const stubs = new Set<string>();
  const wire: Wire = { url: "", requests: [], stub: (action) => stubs.add(action) };
  beforeAll(async () => {
    proxy = await startLoopbackProxy({
      upstream: moto.url,
      decide: ({ params }) => (stubs.has(params.Action) ? { status: 200, body: emptySuccess(params.Action) } : undefined),
    });
    wire.url = proxy.url;
    wire.requests = proxy.requests;
  });
  beforeEach(() => {
    wire.requests.length = 0;
    stubs.clear();
  });
  afterAll(() => proxy.close());
  return wire;
}
