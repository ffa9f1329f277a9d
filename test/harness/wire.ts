import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { Moto } from "./moto.js";
import { runCli, type CliResult } from "./run-cli.js";
import { emptySuccess, startLoopbackProxy, type Answer, type CapturedRequest } from "../support/loopback-proxy.mjs";

export { verifySignature } from "../support/sigv4.mjs";

/** One request as it crossed the loopback wire. */
export type WireRequest = CapturedRequest;

export interface Wire {
  /** Point AWS_IAM_URL here: requests are recorded, then forwarded to moto or answered by a stub. */
  url: string;
  requests: WireRequest[];
  /**
   * Answers `action` itself instead of forwarding it: with an empty IAM success (for actions moto
   * lacks) or with the given answer (an endpoint that does not implement the action, say).
   */
  stub(action: string, answer?: Answer): void;
  /** Runs a command (runCli) with moto's environment pointed at the wire, in moto.dir unless `cwd` says otherwise. */
  run(name: string, argv: string[], options?: { stdin?: string; cwd?: string }): Promise<CliResult>;
  /** Runs a command that must be refused locally: exit 2, these stderr lines (prefix added), nothing sent. */
  expectRefused(name: string, argv: string[], lines: string | string[], stdin?: string): Promise<void>;
}

/**
 * A recording endpoint in front of moto (through the strict IAM layer the harness puts before it).
 * Where neither has an action (ResyncMFADevice,
 * UpdateServerCertificate, ...) the test proves the request instead: every field on the wire, and
 * the SigV4 signature recomputed with the secret (verifySignature).
 */
export function useWire(moto: Moto): Wire {
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  const stubs = new Map<string, Answer>();
  const wire: Wire = {
    url: "",
    requests: [],
    stub: (action, answer = { status: 200, body: emptySuccess(action) }) => stubs.set(action, answer),
    run: (name, argv, options = {}) => runCli(name, argv, { env: { ...moto.env, AWS_IAM_URL: wire.url }, cwd: moto.dir, ...options }),
    async expectRefused(name, argv, lines, stdin) {
      const res = await wire.run(name, argv, { stdin });
      const stderr = [lines].flat().map((line) => `${name}: ${line}\n`).join("");
      expect(res).toEqual({ code: 2, stdout: "", stderr });
      expect(wire.requests).toEqual([]);
    },
  };
  beforeAll(async () => {
    proxy = await startLoopbackProxy({
      upstream: moto.url,
      decide: ({ params }) => stubs.get(params.Action),
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
