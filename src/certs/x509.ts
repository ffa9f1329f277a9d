import { randomBytes } from "node:crypto";
import type { pki } from "node-forge";
import { whenAborted } from "../core/context.js";

/**
 * X.509 signing certificates: finding one in a PEM file, and making a self-signed one locally,
 * which people used to do with `openssl req -x509` before iam-useraddcert. node-forge is loaded
 * only when a certificate is generated, so no other command pays for it.
 */

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?-----END CERTIFICATE-----/g;
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** The complete PEM certificate blocks of a text, in order. */
export function pemCertificates(text: string): string[] {
  return text.match(PEM_CERTIFICATE) ?? [];
}

/** Whether a text also holds a private key, which must never go to IAM with the certificate. */
export function hasPemPrivateKey(text: string): boolean {
  return PEM_PRIVATE_KEY.test(text);
}

const PEM_PRIVATE_KEY_BLOCK = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----\r?\n[\s\S]*?-----END \1PRIVATE KEY-----/g;

/** The complete PEM private-key blocks of a text (PKCS#8, PKCS#1 RSA, EC, encrypted), in order. */
export function pemPrivateKeys(text: string): string[] {
  return text.match(PEM_PRIVATE_KEY_BLOCK) ?? [];
}

export interface SelfSignedRequest {
  /** The subject and issuer common name. */
  commonName: string;
  keySize: number;
  days: number;
  /** SIGINT or SIGTERM: generation is abandoned with the signal's reason. */
  signal?: AbortSignal;
}

export interface SelfSigned {
  certificatePem: string;
  /** PKCS#8, as current openssl writes it. */
  privateKeyPem: string;
}

/**
 * A DER INTEGER is signed and must be minimally encoded: a first byte in 0x40..0x7f keeps the
 * serial positive without a leading zero byte, and leaves 126 random bits (RFC 5280 asks for
 * at most 20 octets and recommends unpredictability).
 */
function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x3f) | 0x40;
  return bytes.toString("hex");
}

/** Generates the RSA key on Node's native crypto (forge's async path) so the event loop stays free. */
function generateKeyPair(forge: typeof import("node-forge"), bits: number): Promise<pki.rsa.KeyPair> {
  return new Promise((resolve, reject) =>
    forge.pki.rsa.generateKeyPair({ bits }, (err, keys) => (err ? reject(err) : resolve(keys))),
  );
}

/** A new RSA key pair and a self-signed SHA-256 certificate for it, valid from now for `days`. */
export async function generateSelfSigned({ commonName, keySize, days, signal }: SelfSignedRequest): Promise<SelfSigned> {
  const forge = (await import("node-forge")).default;
  // A large key takes seconds: SIGINT stops the wait (the generator's thread cannot be stopped).
  const keys = await Promise.race([generateKeyPair(forge, keySize), ...(signal ? [whenAborted(signal)] : [])]);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerialHex();
  const now = new Date();
  cert.validity.notBefore = now;
  cert.validity.notAfter = new Date(now.getTime() + days * 86_400_000);
  const name = [{ name: "commonName", value: commonName }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", critical: true, digitalSignature: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const privateKeyInfo = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys.privateKey));
  // forge ends PEM lines with CRLF; openssl, and the files people keep, use LF.
  return {
    certificatePem: forge.pki.certificateToPem(cert).replace(/\r\n/g, "\n"),
    privateKeyPem: forge.pki.privateKeyInfoToPem(privateKeyInfo).replace(/\r\n/g, "\n"),
  };
}
