import type { SigningCertificate } from "@aws-sdk/client-iam";
import type { Context } from "../../core/context.js";
import { defineCommand } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import { ownerUserName } from "../shared/options.js";
import {
  checkSelfSignedOptions,
  DEFAULT_DAYS,
  DEFAULT_KEY_SIZE,
  selfSignedOptions,
  STDOUT,
  type SelfSignedOptions,
} from "../shared/generate-options.js";
import { discard, keep, reserve, type Reserved } from "../../certs/output-files.js";
import { generateSelfSigned, hasPemPrivateKey, pemCertificates } from "../../certs/x509.js";

interface Options extends SelfSignedOptions {
  userName?: string;
  certificateFile?: string;
  generate?: boolean;
}

interface Result {
  Certificate: SigningCertificate;
  /** Where --generate wrote the certificate (absent when printed). */
  CertificateFile?: string;
  /** Where --generate wrote the private key (absent when printed). */
  PrivateKeyFile?: string;
  /** Only with --generate --key-out -: the one way the private key is ever printed. */
  PrivateKey?: string;
}

/** The single certificate block of a PEM file; anything else in the file (a private key) is never sent. */
async function readCertificate(ctx: Context, file: string): Promise<string> {
  const text = await ctx.readText(file, "certificate file");
  const shown = file === STDOUT ? "(standard input)" : file;
  const blocks = pemCertificates(text);
  if (blocks.length === 0) {
    throw new UsageError(`certificate file ${shown} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)`);
  }
  if (blocks.length > 1) {
    throw new UsageError(`certificate file ${shown} holds ${blocks.length} certificates; upload one at a time`);
  }
  if (hasPemPrivateKey(text)) ctx.warn(`certificate file ${shown} also holds a private key; only the certificate is uploaded`);
  return `${blocks[0]}\n`;
}

async function generateAndUpload(ctx: Context, opts: Options & { userName: string }): Promise<Result> {
  const { userName, keySize = DEFAULT_KEY_SIZE, days = DEFAULT_DAYS } = opts;
  const keyOut = opts.keyOut ?? `${userName}-key.pem`;
  const certOut = opts.certOut ?? `${userName}-cert.pem`;
  const reserved: Reserved[] = [];
  let result: Result;
  try {
    // Both files exist (and are ours) before anything is generated or uploaded: an existing file
    // stops the command before it has changed anything.
    const keyFile = keyOut === STDOUT ? undefined : await reserve(ctx, reserved, keyOut, 0o600, "private key file");
    const certFile = certOut === STDOUT ? undefined : await reserve(ctx, reserved, certOut, 0o644, "certificate file");
    ctx.debug(`generating a ${keySize}-bit RSA key and a certificate for CN=${userName}, valid ${days} days`);
    const { certificatePem, privateKeyPem } = await generateSelfSigned({ commonName: userName, keySize, days, signal: ctx.signal });
    await keyFile?.writeFile(privateKeyPem);
    await certFile?.writeFile(certificatePem);
    const { Certificate } = await ctx.iam.uploadSigningCertificate({ UserName: userName, CertificateBody: certificatePem });
    result = {
      Certificate: Certificate!,
      CertificateFile: certFile && certOut,
      PrivateKeyFile: keyFile && keyOut,
      PrivateKey: keyFile ? undefined : privateKeyPem,
    };
  } catch (err) {
    await discard(ctx, reserved);
    throw err;
  }
  // Outside the try: once the certificate is uploaded, its key file must never be removed.
  await keep(reserved);
  return result;
}

export default defineCommand<Options, Result>({
  name: "iam-useraddcert",
  summary: "Upload an X.509 signing certificate for a user, or generate a key and self-signed certificate and upload that.",
  operations: ["UploadSigningCertificate"],
  euare: true,
  positional: "userName",
  options: [
    {
      ...ownerUserName("certificate"),
      description: "the user who owns the certificate (default: the user whose credentials are in use; required with --generate)",
    },
    {
      key: "certificateFile",
      short: "f",
      long: "certificate-file",
      metavar: "CERTFILE",
      description: "file holding the PEM certificate to upload (- reads standard input)",
    },
    {
      key: "generate",
      long: "generate",
      description: "create an RSA key and a self-signed SHA-256 certificate (CN = the user name), and upload the certificate",
    },
    ...selfSignedOptions("USERNAME", { printable: true }),
  ],
  output: [
    "the certificate id",
    "[with --generate --cert-out -] the certificate PEM",
    "[with --generate --key-out -] the private key PEM",
  ],
  example: "iam-useraddcert -u david -f cert.pem",

  check(opts) {
    if (opts.generate && opts.certificateFile !== undefined) return "give -f CERTFILE or --generate, not both";
    if (!opts.generate && opts.certificateFile === undefined) {
      return "a certificate is required: -f CERTFILE, or --generate to create one";
    }
    if (opts.generate && opts.userName === undefined) {
      return "--generate needs -u USERNAME: the user name becomes the certificate's subject (CN)";
    }
    return checkSelfSignedOptions(opts);
  },

  async run(ctx, opts) {
    if (opts.generate) return generateAndUpload(ctx, { ...opts, userName: opts.userName! });
    const CertificateBody = await readCertificate(ctx, opts.certificateFile!);
    const { Certificate } = await ctx.iam.uploadSigningCertificate({ UserName: opts.userName, CertificateBody });
    return { Certificate: Certificate! };
  },

  render: ({ Certificate, PrivateKey }, { generate, certOut }) => [
    Certificate.CertificateId!,
    ...(generate && certOut === STDOUT ? [Certificate.CertificateBody!.trimEnd()] : []),
    ...(PrivateKey ? [PrivateKey.trimEnd()] : []),
  ],
});
