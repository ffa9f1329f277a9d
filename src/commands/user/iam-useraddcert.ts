import type { FileHandle } from "node:fs/promises";
import type { SigningCertificate } from "@aws-sdk/client-iam";
import type { Context } from "../../cli/context.js";
import { defineCommand, type OptionSpec } from "../../cli/define.js";
import { UsageError } from "../../cli/errors.js";
import { ownerUserName, positiveInteger } from "../../cli/options.js";
import { generateSelfSigned, hasPemPrivateKey, pemCertificates } from "../../certs/x509.js";

interface Options {
  userName?: string;
  certificateFile?: string;
  generate?: boolean;
  keySize?: number;
  days?: number;
  certOut?: string;
  keyOut?: string;
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

/** `-` as an output file name: print it instead. */
const STDOUT = "-";

function wholeNumberIn(name: string, min: number, max: number, unit: string) {
  const positive = positiveInteger(name);
  return (raw: string): number => {
    const value = positive(raw);
    if (value < min || value > max) throw new UsageError(`${name} must be ${min} to ${max} ${unit}, not ${value}`);
    return value;
  };
}

/** The options that only mean something with --generate. */
const GENERATE_OPTIONS: readonly OptionSpec[] = [
  {
    key: "keySize",
    long: "key-size",
    metavar: "BITS",
    description: "with --generate: the RSA key size (default 2048)",
    // Under 2048 bits RSA is considered breakable (NIST SP 800-131A); above 16384 forge drops
    // Node's native generator for its own, which takes minutes.
    parse: wholeNumberIn("--key-size", 2048, 16384, "bits"),
  },
  {
    key: "days",
    long: "days",
    metavar: "DAYS",
    description: "with --generate: how many days the certificate is valid (default 365)",
    parse: wholeNumberIn("--days", 1, 36500, "days"),
  },
  {
    key: "certOut",
    long: "cert-out",
    metavar: "FILE",
    description: "with --generate: new file for the certificate (default USERNAME-cert.pem; - prints it)",
  },
  {
    key: "keyOut",
    long: "key-out",
    metavar: "FILE",
    description: "with --generate: new file for the private key, mode 0600 (default USERNAME-key.pem; - prints it)",
  },
];

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

/** A file created by this run, to be removed again if the run fails so that a retry is not refused. */
interface Reserved {
  handle: FileHandle;
  path: string;
}

async function reserve(ctx: Context, reserved: Reserved[], path: string, mode: number, what: string): Promise<FileHandle> {
  const handle = await ctx.createNewFile(path, mode, what);
  reserved.push({ handle, path });
  return handle;
}

/** Removes the files this run created, so that a retry is not refused by its own leftovers. */
async function discard(ctx: Context, reserved: Reserved[]): Promise<void> {
  for (const { handle, path } of reserved) {
    await handle.close();
    await ctx.removeFile(path);
  }
}

async function generateAndUpload(ctx: Context, opts: Options & { userName: string }): Promise<Result> {
  const { userName, keySize = 2048, days = 365 } = opts;
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
    const { certificatePem, privateKeyPem } = await generateSelfSigned({ commonName: userName, keySize, days });
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
  await Promise.all(reserved.map(({ handle }) => handle.close()));
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
    ...GENERATE_OPTIONS,
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
    const record = opts as Record<string, unknown>;
    const stray = GENERATE_OPTIONS.find((option) => record[option.key] !== undefined);
    if (!opts.generate && stray) return `--${stray.long} only applies with --generate`;
    if (opts.generate && opts.userName === undefined) {
      return "--generate needs -u USERNAME: the user name becomes the certificate's subject (CN)";
    }
    if (opts.certOut !== undefined && opts.certOut === opts.keyOut && opts.certOut !== STDOUT) {
      return "--cert-out and --key-out name the same file";
    }
    return undefined;
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
