import { SignatureV4 } from "@smithy/signature-v4";
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, type Moto } from "./moto.js";
import { Sha256 } from "../support/sigv4.mjs";

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Sends one IAM Query request as bytes on the wire, SigV4-signed (with `secretAccessKey` to sign
 * it wrongly), and returns the answer untouched: what a test of the strict layer's rules reads.
 */
export async function rawIam(
  moto: Moto,
  params: Record<string, string | number>,
  secretAccessKey = SECRET_ACCESS_KEY,
): Promise<RawAnswer> {
  const url = new URL(moto.url);
  const body = new URLSearchParams({ Version: "2010-05-08", ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) }).toString();
  const signer = new SignatureV4({ credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey }, region: "us-east-1", service: "iam", sha256: Sha256 });
  const signed = await signer.sign({
    method: "POST",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    headers: { host: url.host, "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body,
  });
  const res = await fetch(moto.url, { method: "POST", headers: signed.headers as Record<string, string>, body });
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", body: await res.text() };
}

/** IAM's error document for a refusal, with any RequestId. */
export function iamErrorDocument(code: string, message: string): RegExp {
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^<ErrorResponse xmlns="https://iam\\.amazonaws\\.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${escaped(message.replace(/'/g, "&#39;"))}</Message></Error><RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>$`,
  );
}
