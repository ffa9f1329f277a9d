import { X509Certificate, createPrivateKey } from "node:crypto";
import type { Context } from "../core/context.js";
import { UsageError } from "../core/errors.js";
import { hasPemPrivateKey, pemCertificates, pemPrivateKeys } from "./x509.js";

/**
 * PEM files named on the command line (`-` is standard input), read and checked locally so that
 * a wrong file stops the command before anything is sent. Messages name the file, never its content.
 */

const STDIN = "-";

/** A file as messages name it. */
export const shownFile = (file: string): string => (file === STDIN ? "(standard input)" : file);

export interface CertificateFileRules {
  /** What the file is, as messages call it: "certificate file", "certificate chain file". */
  what: string;
  /** When the file may hold only one certificate: what to do instead, said after "holds N certificates; ". */
  onlyOne?: string;
  /** When a private key in the file deserves a warning: what is sent instead, said after "also holds a private key; ". */
  keyWarning?: string;
}

/** The certificate blocks of a file, one per line-ended block; anything else in it (a private key) is never sent. */
export async function readCertificates(ctx: Context, file: string, { what, onlyOne, keyWarning }: CertificateFileRules): Promise<string> {
  const text = await ctx.readText(file, what);
  const blocks = pemCertificates(text);
  if (blocks.length === 0) {
    throw new UsageError(`${what} ${shownFile(file)} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)`);
  }
  if (onlyOne !== undefined && blocks.length > 1) {
    throw new UsageError(`${what} ${shownFile(file)} holds ${blocks.length} certificates; ${onlyOne}`);
  }
  if (keyWarning !== undefined && hasPemPrivateKey(text)) ctx.warn(`${what} ${shownFile(file)} also holds a private key; ${keyWarning}`);
  return `${blocks.join("\n")}\n`;
}

/** The one unencrypted private key of a file. */
export async function readPrivateKey(ctx: Context, file: string): Promise<string> {
  const keys = pemPrivateKeys(await ctx.readText(file, "private key file"));
  if (keys.length === 0) {
    throw new UsageError(`private key file ${shownFile(file)} holds no PEM private key (no "-----BEGIN ... PRIVATE KEY-----" block)`);
  }
  if (keys.length > 1) {
    throw new UsageError(`private key file ${shownFile(file)} holds ${keys.length} private keys; give only the certificate's own`);
  }
  if (/^-----BEGIN ENCRYPTED|Proc-Type: 4,ENCRYPTED/.test(keys[0])) {
    throw new UsageError(`private key file ${shownFile(file)} holds an encrypted private key; IAM needs it without a passphrase`);
  }
  return `${keys[0]}\n`;
}

/** IAM refuses a key that does not belong to the certificate; say which files disagree before sending either. */
export function checkKeyMatches(certificatePem: string, certificateFile: string, keyPem: string, keyFile: string): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new UsageError(`certificate file ${shownFile(certificateFile)} holds a certificate that cannot be parsed`);
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new UsageError(`private key file ${shownFile(keyFile)} holds a private key that cannot be parsed`);
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new UsageError(`the private key in ${shownFile(keyFile)} does not belong to the certificate in ${shownFile(certificateFile)}`);
  }
}
