import { X509Certificate, createPrivateKey } from "node:crypto";
import type { ServerCertificateMetadata } from "@aws-sdk/client-iam";
import type { Context } from "../../core/context.js";
import { defineCommand } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import { path, serverCertificateName, verbose } from "../shared/options.js";
import {
  DEFAULT_DAYS,
  DEFAULT_KEY_SIZE,
  checkSelfSignedOptions,
  selfSignedOptions,
  type SelfSignedOptions,
} from "../shared/generate-options.js";
import { discard, keep, reserve, type Reserved } from "../../certs/output-files.js";
import { generateSelfSigned, hasPemPrivateKey, pemCertificates, pemPrivateKeys } from "../../certs/x509.js";

interface Options extends SelfSignedOptions {
  serverCertificateName: string;
  certificateFile?: string;
  privateKeyFile?: string;
  chainFile?: string;
  path?: string;
  verbose?: boolean;
  generate?: boolean;
}

interface Result {
  ServerCertificateMetadata: ServerCertificateMetadata;
  /** Where --generate wrote the certificate. */
  CertificateFile?: string;
  /** Where --generate wrote the private key. */
  PrivateKeyFile?: string;
}

/** What IAM's UploadServerCertificate takes, checked locally. */
interface Pem {
  CertificateBody: string;
  PrivateKey: string;
  CertificateChain?: string;
}

const STDIN = "-";
const shown = (file: string) => (file === STDIN ? "(standard input)" : file);

/**
 * The one certificate of -b; anything else in the file is never sent as the body. A key in it is
 * worth a warning unless -k names the same file (one combined PEM file for both).
 */
async function readBody(ctx: Context, file: string, keyFile: string): Promise<string> {
  const text = await ctx.readText(file, "certificate file");
  const blocks = pemCertificates(text);
  if (blocks.length === 0) {
    throw new UsageError(`certificate file ${shown(file)} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)`);
  }
  if (blocks.length > 1) {
    throw new UsageError(
      `certificate file ${shown(file)} holds ${blocks.length} certificates; give the server's own with -b and the rest with -c CHAINFILE`,
    );
  }
  if (hasPemPrivateKey(text) && keyFile !== file) {
    ctx.warn(`certificate file ${shown(file)} also holds a private key; only the certificate is sent as the body`);
  }
  return `${blocks[0]}\n`;
}

/** The one unencrypted private key of -k. Messages name the file, never its content. */
async function readKey(ctx: Context, file: string): Promise<string> {
  const keys = pemPrivateKeys(await ctx.readText(file, "private key file"));
  if (keys.length === 0) {
    throw new UsageError(`private key file ${shown(file)} holds no PEM private key (no "-----BEGIN ... PRIVATE KEY-----" block)`);
  }
  if (keys.length > 1) {
    throw new UsageError(`private key file ${shown(file)} holds ${keys.length} private keys; give only the certificate's own`);
  }
  if (/^-----BEGIN ENCRYPTED|Proc-Type: 4,ENCRYPTED/.test(keys[0])) {
    throw new UsageError(`private key file ${shown(file)} holds an encrypted private key; IAM needs it without a passphrase`);
  }
  return `${keys[0]}\n`;
}

async function readChain(ctx: Context, file: string): Promise<string> {
  const text = await ctx.readText(file, "certificate chain file");
  const blocks = pemCertificates(text);
  if (blocks.length === 0) {
    throw new UsageError(`certificate chain file ${shown(file)} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)`);
  }
  if (hasPemPrivateKey(text)) ctx.warn(`certificate chain file ${shown(file)} also holds a private key; only the certificates are sent`);
  return `${blocks.join("\n")}\n`;
}

/** IAM refuses a key that does not belong to the certificate; say which files disagree before sending either. */
function checkKeyMatches(pem: Pem, certificateFile: string, keyFile: string): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem.CertificateBody);
  } catch {
    throw new UsageError(`certificate file ${shown(certificateFile)} holds a certificate that cannot be parsed`);
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(pem.PrivateKey);
  } catch {
    throw new UsageError(`private key file ${shown(keyFile)} holds a private key that cannot be parsed`);
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new UsageError(`the private key in ${shown(keyFile)} does not belong to the certificate in ${shown(certificateFile)}`);
  }
}

async function readPemFiles(ctx: Context, opts: Options): Promise<Pem> {
  const pem: Pem = {
    CertificateBody: await readBody(ctx, opts.certificateFile!, opts.privateKeyFile!),
    PrivateKey: await readKey(ctx, opts.privateKeyFile!),
    CertificateChain: opts.chainFile === undefined ? undefined : await readChain(ctx, opts.chainFile),
  };
  checkKeyMatches(pem, opts.certificateFile!, opts.privateKeyFile!);
  return pem;
}

async function upload(ctx: Context, opts: Options, pem: Pem): Promise<ServerCertificateMetadata> {
  const { ServerCertificateMetadata } = await ctx.iam.uploadServerCertificate({
    ServerCertificateName: opts.serverCertificateName,
    Path: opts.path,
    ...pem,
  });
  return ServerCertificateMetadata!;
}

async function generateAndUpload(ctx: Context, opts: Options): Promise<Result> {
  const { serverCertificateName: name, keySize = DEFAULT_KEY_SIZE, days = DEFAULT_DAYS } = opts;
  const keyOut = opts.keyOut ?? `${name}-key.pem`;
  const certOut = opts.certOut ?? `${name}-cert.pem`;
  const reserved: Reserved[] = [];
  let metadata: ServerCertificateMetadata;
  try {
    const keyFile = await reserve(ctx, reserved, keyOut, 0o600, "private key file");
    const certFile = await reserve(ctx, reserved, certOut, 0o644, "certificate file");
    ctx.debug(`generating a ${keySize}-bit RSA key and a certificate for CN=${name}, valid ${days} days`);
    const { certificatePem, privateKeyPem } = await generateSelfSigned({ commonName: name, keySize, days, signal: ctx.signal });
    await keyFile.writeFile(privateKeyPem);
    await certFile.writeFile(certificatePem);
    metadata = await upload(ctx, opts, { CertificateBody: certificatePem, PrivateKey: privateKeyPem });
  } catch (err) {
    await discard(ctx, reserved);
    throw err;
  }
  // Outside the try: once the certificate is uploaded, its key file must never be removed.
  await keep(reserved);
  return { ServerCertificateMetadata: metadata, CertificateFile: certOut, PrivateKeyFile: keyOut };
}

/** -b/-k/-c versus --generate, and standard input for at most one of the files. */
function checkSources(opts: Options): string | undefined {
  const { certificateFile: body, privateKeyFile: key, chainFile: chain } = opts;
  if (opts.generate) {
    if (body !== undefined || key !== undefined) return "give -b BODYFILE and -k KEYFILE, or --generate, not both";
    if (chain !== undefined) return "a self-signed certificate has no chain: -c does not apply with --generate";
    if (opts.keyOut === STDIN || opts.certOut === STDIN) {
      return "--generate writes the key and certificate to files; - is not a file name here";
    }
    return undefined;
  }
  if (body === undefined && key === undefined) {
    return "a certificate is required: -b BODYFILE with -k KEYFILE, or --generate to create both";
  }
  if (key === undefined) return "-b needs -k KEYFILE: IAM stores the certificate together with its private key";
  if (body === undefined) return "-k needs -b BODYFILE: the certificate the private key belongs to";
  if ([body, key, chain].filter((file) => file === STDIN).length > 1) return "only one of -b, -k and -c can read standard input";
  return undefined;
}

export default defineCommand<Options, Result>({
  name: "iam-servercertupload",
  summary: "Upload an SSL/TLS server certificate with its private key and chain, or generate a self-signed one and upload that.",
  operations: ["UploadServerCertificate"],
  euare: true,
  positional: "serverCertificateName",
  options: [
    serverCertificateName(),
    {
      key: "certificateFile",
      short: "b",
      long: "certificate-file",
      metavar: "BODYFILE",
      description: "file holding the server's PEM certificate (- reads standard input)",
    },
    {
      key: "privateKeyFile",
      short: "k",
      long: "private-key-file",
      metavar: "KEYFILE",
      description: "file holding the certificate's unencrypted PEM private key (- reads standard input)",
    },
    {
      key: "chainFile",
      short: "c",
      long: "certificate-chain-file",
      metavar: "CHAINFILE",
      description: "file holding the PEM certificates of the chain, issuer first (- reads standard input)",
    },
    { ...path("server certificate"), description: "the path of the server certificate, defaults to / (CloudFront needs /cloudfront/...)" },
    verbose("print the new certificate's ARN and id"),
    {
      key: "generate",
      long: "generate",
      description:
        "create an RSA key and a self-signed SHA-256 certificate (CN = the certificate name), write both to new files and upload them",
    },
    ...selfSignedOptions("CERTNAME"),
  ],
  check: (opts) => checkSources(opts) ?? checkSelfSignedOptions(opts),
  output: ["[with -v] server certificate ARN", "[with -v] server certificate id"],
  example: "iam-servercertupload -s www.example.com -b cert.pem -k key.pem -c chain.pem -v",

  async run(ctx, opts) {
    if (opts.generate) return generateAndUpload(ctx, opts);
    return { ServerCertificateMetadata: await upload(ctx, opts, await readPemFiles(ctx, opts)) };
  },

  render: ({ ServerCertificateMetadata: m }, { verbose }) => (verbose ? [m.Arn!, m.ServerCertificateId!] : []),
});
