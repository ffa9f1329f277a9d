import type { ServerCertificateMetadata } from "@aws-sdk/client-iam";
import type { Context } from "../../core/context.js";
import { defineCommand, optionGroup, type OptionsOf } from "../../core/define.js";
import { path, serverCertificateName, verbose } from "../shared/options.js";
import { generateAndUpload } from "../shared/generate-and-upload.js";
import { checkSelfSignedOptions, selfSignedOptions } from "../shared/generate-options.js";
import { checkKeyMatches, readCertificates, readPrivateKey } from "../../certs/pem-files.js";

/** -s names the certificate; -b, -k and -c give its files, or --generate makes them. */
const OPTIONS = optionGroup([
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
]);

type Options = OptionsOf<typeof OPTIONS>;

interface Result {
  ServerCertificateMetadata: ServerCertificateMetadata;
  /** Where --generate wrote the certificate. */
  CertificateFile?: string;
  /** Where --generate wrote the private key. */
  PrivateKeyFile?: string;
}

const STDIN = "-";

/** -b, -k and -c, read and checked locally: what IAM's UploadServerCertificate takes. */
async function readPemFiles(ctx: Context, opts: Options) {
  const body = opts.certificateFile!;
  const keyFile = opts.privateKeyFile!;
  const pem = {
    CertificateBody: await readCertificates(ctx, body, {
      what: "certificate file",
      onlyOne: "give the server's own with -b and the rest with -c CHAINFILE",
      // A key beside the certificate is expected when -k names the same file (one combined PEM file).
      keyWarning: keyFile === body ? undefined : "only the certificate is sent as the body",
    }),
    PrivateKey: await readPrivateKey(ctx, keyFile),
    CertificateChain:
      opts.chainFile === undefined
        ? undefined
        : await readCertificates(ctx, opts.chainFile, { what: "certificate chain file", keyWarning: "only the certificates are sent" }),
  };
  checkKeyMatches(pem.CertificateBody, body, pem.PrivateKey, keyFile);
  return pem;
}

async function upload(
  ctx: Context<"UploadServerCertificate">,
  opts: Options,
  pem: { CertificateBody: string; PrivateKey: string; CertificateChain?: string },
): Promise<ServerCertificateMetadata> {
  const { ServerCertificateMetadata } = await ctx.iam.uploadServerCertificate({
    ServerCertificateName: opts.serverCertificateName,
    Path: opts.path,
    ...pem,
  });
  return ServerCertificateMetadata!;
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

export default defineCommand({
  name: "iam-servercertupload",
  summary: "Upload an SSL/TLS server certificate with its private key and chain, or generate a self-signed one and upload that.",
  operations: ["UploadServerCertificate"],
  euare: true,
  positional: "serverCertificateName",
  options: OPTIONS,
  check: (opts) => checkSources(opts) ?? checkSelfSignedOptions(opts),
  output: ["[with -v] server certificate ARN", "[with -v] server certificate id"],
  example: "iam-servercertupload -s www.example.com -b cert.pem -k key.pem -c chain.pem -v",

  async run(ctx, opts): Promise<Result> {
    if (opts.generate) {
      // checkSources refuses `-` with --generate: both always go to files.
      const generated = await generateAndUpload(ctx, opts.serverCertificateName, opts, (pem) =>
        upload(ctx, opts, { CertificateBody: pem.certificatePem, PrivateKey: pem.privateKeyPem }),
      );
      return {
        ServerCertificateMetadata: generated.uploaded,
        CertificateFile: generated.certificateFile,
        PrivateKeyFile: generated.privateKeyFile,
      };
    }
    return { ServerCertificateMetadata: await upload(ctx, opts, await readPemFiles(ctx, opts)) };
  },

  render: ({ ServerCertificateMetadata: m }, { verbose }) => (verbose ? [m.Arn!, m.ServerCertificateId!] : []),
});
