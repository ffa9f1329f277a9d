import type { SigningCertificate } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { ownerUserName } from "../shared/options.js";
import { generateAndUpload } from "../shared/generate-and-upload.js";
import { checkSelfSignedOptions, selfSignedOptions, STDOUT } from "../shared/generate-options.js";
import { readCertificates } from "../../certs/pem-files.js";

interface Result {
  Certificate: SigningCertificate;
  /** Where --generate wrote the certificate (absent when printed). */
  CertificateFile?: string;
  /** Where --generate wrote the private key (absent when printed). */
  PrivateKeyFile?: string;
  /** Only with --generate --key-out -: the one way the private key is ever printed. */
  PrivateKey?: string;
}

export default defineCommand({
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
  example: [
    "iam-useraddcert -u david -f cert.pem",
    "# a new key pair and certificate: writes david-key.pem (0600) and david-cert.pem, uploads the certificate",
    "iam-useraddcert -u david --generate",
  ].join("\n"),

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

  async run(ctx, opts): Promise<Result> {
    if (opts.generate) {
      const generated = await generateAndUpload(ctx, opts.userName!, opts, async ({ certificatePem }) => {
        const { Certificate } = await ctx.iam.uploadSigningCertificate({ UserName: opts.userName, CertificateBody: certificatePem });
        return Certificate!;
      });
      return {
        Certificate: generated.uploaded,
        CertificateFile: generated.certificateFile,
        PrivateKeyFile: generated.privateKeyFile,
        PrivateKey: generated.printedKey,
      };
    }
    const CertificateBody = await readCertificates(ctx, opts.certificateFile!, {
      what: "certificate file",
      onlyOne: "upload one at a time",
      keyWarning: "only the certificate is uploaded",
    });
    const { Certificate } = await ctx.iam.uploadSigningCertificate({ UserName: opts.userName, CertificateBody });
    return { Certificate: Certificate! };
  },

  render: ({ Certificate, PrivateKey }, { generate, certOut }) => [
    Certificate.CertificateId!,
    ...(generate && certOut === STDOUT ? [Certificate.CertificateBody!.trimEnd()] : []),
    ...(PrivateKey ? [PrivateKey.trimEnd()] : []),
  ],
});
