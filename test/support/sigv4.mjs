// SigV4 signature checking for loopback endpoints that answer requests themselves (the wire
// recorder's stubs, the strict IAM layer's own actions): plain JavaScript so that the layer runs
// under node directly too.
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/** The access key id a request was signed with, or undefined when it carries no SigV4 header. */
export function signingKeyId(req) {
  return AUTHORIZATION.exec(req.headers.authorization ?? "")?.[1];
}

/** SHA-256 for the signer: with a key for its HMAC steps, without one for plain hashes. */
export class Sha256 {
  constructor(key) {
    this.hash = key ? createHmac("sha256", key) : createHash("sha256");
  }
  update(data) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * Recomputes the request's SigV4 signature from its signed headers and body with the given
 * secret, and returns both; a caller expects them equal. Also returns the credential scope.
 * @param {{ method: string, path: string, headers: Record<string, string>, body: string }} req
 * @param {string} secretAccessKey
 */
export async function verifySignature(req, secretAccessKey) {
  const auth = AUTHORIZATION.exec(req.headers.authorization ?? "");
  if (!auth) throw new Error(`not a SigV4 Authorization header: ${req.headers.authorization}`);
  const [, accessKeyId, , region, service, signedHeaders, signature] = auth;
  const headers = Object.fromEntries(signedHeaders.split(";").map((name) => [name, req.headers[name]]));
  const signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey }, region, service, sha256: Sha256 });
  const amzDate = req.headers["x-amz-date"];
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
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
  const recomputed = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))[1];
  return { accessKeyId, region, service, signature, recomputed };
}
