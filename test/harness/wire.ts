import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Moto } from "./moto.js";
import { emptySuccess, startLoopbackProxy, type CapturedRequest } from "../support/loopback-proxy.mjs";

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

/**
 * Recomputes the request's SigV4 signature from its signed headers and body with the given
 * secret, and returns both; a test expects them equal. Also returns the credential scope.
 */
export async function verifySignature(req: WireRequest, secretAccessKey: string) {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
    req.headers.authorization ?? "",
  );
  if (!auth) throw new Error(`not a SigV4 Authorization header: ${req.headers.authorization}`);
  const [, accessKeyId, , region, service, signedHeaders, signature] = auth;
  const headers = Object.fromEntries(signedHeaders.split(";").map((name) => [name, req.headers[name]]));
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey },
    region,
    service,
    // The signer constructs this with a key for its HMAC steps and without one for plain hashes.
    sha256: class {
      private hash;
      constructor(key?: string | Uint8Array) {
        this.hash = key ? createHmac("sha256", key) : createHash("sha256");
      }
      update(data: string | Uint8Array) {
        this.hash.update(data);
      }
      async digest() {
        return new Uint8Array(this.hash.digest());
      }
    },
  });
  const amzDate = req.headers["x-amz-date"];
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const [path, query] = req.path.split("?");
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: "http:",
      hostname: req.headers.host.split(":")[0],
      port: Number(req.headers.host.split(":")[1]),
      path,
      query: Object.fromEntries(new URLSearchParams(query ?? "")),
      headers,
      body: req.body,
    },
    // Sign exactly the headers the client signed (some, like amz-sdk-*, are skipped by default).
    { signingDate, signableHeaders: new Set(signedHeaders.split(";")) },
  );
  const recomputed = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))![1];
  return { accessKeyId, region, service, signature, recomputed };
}
