import type { Context } from "../../core/context.js";
import { DEFAULT_DAYS, DEFAULT_KEY_SIZE, STDOUT, type SelfSignedOptions } from "./generate-options.js";
import { discard, keep, reserve, type Reserved } from "../../certs/output-files.js";
import { generateSelfSigned, type SelfSigned } from "../../certs/x509.js";

export interface Generated<T> {
  /** What `upload` returned. */
  uploaded: T;
  /** The file the certificate was written to; absent when --cert-out - prints it. */
  certificateFile?: string;
  /** The file the private key was written to; absent when --key-out - prints it. */
  privateKeyFile?: string;
  /** The private key, for printing: only when no file holds it (--key-out -). */
  printedKey?: string;
}

/**
 * `--generate`: a new RSA key and a self-signed certificate for CN=`name`, written to new files
 * (NAME-key.pem and NAME-cert.pem unless --key-out/--cert-out say otherwise; `-` writes none) and
 * handed to `upload`. Both files exist (and are ours) before anything is generated or uploaded,
 * so an existing file stops the command before it has changed anything; a failure removes them.
 * Once the upload succeeded, stderr says which files were written (stdout keeps the legacy output).
 */
export async function generateAndUpload<T>(
  ctx: Context,
  name: string,
  opts: SelfSignedOptions,
  upload: (pem: SelfSigned) => Promise<T>,
): Promise<Generated<T>> {
  const { keySize = DEFAULT_KEY_SIZE, days = DEFAULT_DAYS } = opts;
  const keyOut = opts.keyOut ?? `${name}-key.pem`;
  const certOut = opts.certOut ?? `${name}-cert.pem`;
  const reserved: Reserved[] = [];
  let generated: Generated<T>;
  try {
    const keyFile = keyOut === STDOUT ? undefined : await reserve(ctx, reserved, keyOut, 0o600, "private key file");
    const certFile = certOut === STDOUT ? undefined : await reserve(ctx, reserved, certOut, 0o644, "certificate file");
    ctx.debug(`generating a ${keySize}-bit RSA key and a certificate for CN=${name}, valid ${days} days`);
    const pem = await generateSelfSigned({ commonName: name, keySize, days, signal: ctx.signal });
    await keyFile?.writeFile(pem.privateKeyPem);
    await certFile?.writeFile(pem.certificatePem);
    generated = {
      uploaded: await upload(pem),
      certificateFile: certFile && certOut,
      privateKeyFile: keyFile && keyOut,
      printedKey: keyFile ? undefined : pem.privateKeyPem,
    };
  } catch (err) {
    await discard(ctx, reserved);
    throw err;
  }
  // Outside the try: once the certificate is uploaded, its key file must never be removed.
  await keep(reserved);
  const written = [
    ...(generated.privateKeyFile ? [`the private key to ${generated.privateKeyFile} (mode 0600)`] : []),
    ...(generated.certificateFile ? [`the certificate to ${generated.certificateFile}`] : []),
  ];
  if (written.length > 0) ctx.note(`wrote ${written.join(" and ")}`);
  return generated;
}
