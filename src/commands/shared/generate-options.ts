import { optionGroup, type OptionsOf } from "../../core/define.js";
import { integerInRange } from "./options.js";

/** The values of selfSignedOptions(). */
export type SelfSignedOptions = OptionsOf<ReturnType<typeof selfSignedOptions>>;

export const DEFAULT_KEY_SIZE = 2048;
export const DEFAULT_DAYS = 365;

/** `-` as an output file name: print it instead of writing a file (where a command allows it). */
export const STDOUT = "-";

/**
 * The options that shape `--generate`'s key, certificate and files. `owner` is the metavar of the
 * name the default file names start with (`CERTNAME` gives CERTNAME-key.pem); `printable` says
 * whether `-` prints the PEM instead of writing a file.
 */
export const selfSignedOptions = (owner: string, { printable = false } = {}) =>
  optionGroup([
    {
      key: "keySize",
      long: "key-size",
      metavar: "BITS",
      description: `with --generate: the RSA key size (default ${DEFAULT_KEY_SIZE})`,
      // Under 2048 bits RSA is considered breakable (NIST SP 800-131A); above 16384 forge drops
      // Node's native generator for its own, which takes minutes.
      parse: integerInRange("--key-size", 2048, 16384),
    },
    {
      key: "days",
      long: "days",
      metavar: "DAYS",
      description: `with --generate: how many days the certificate is valid (default ${DEFAULT_DAYS})`,
      parse: integerInRange("--days", 1, 36500),
    },
    {
      key: "certOut",
      long: "cert-out",
      metavar: "FILE",
      description: `with --generate: new file for the certificate (default ${owner}-cert.pem${printable ? "; - prints it" : ""})`,
    },
    {
      key: "keyOut",
      long: "key-out",
      metavar: "FILE",
      description: `with --generate: new file for the private key, mode 0600 (default ${owner}-key.pem${printable ? "; - prints it" : ""})`,
    },
  ]);

/** The cross-option rules for selfSignedOptions(): only with --generate, and two distinct files. */
export function checkSelfSignedOptions(opts: SelfSignedOptions & { generate?: boolean }): string | undefined {
  const given = selfSignedOptions("").find((option) => (opts as Record<string, unknown>)[option.key] !== undefined);
  if (!opts.generate && given) return `--${given.long} only applies with --generate`;
  if (opts.certOut !== undefined && opts.certOut === opts.keyOut && opts.certOut !== STDOUT) {
    return "--cert-out and --key-out name the same file";
  }
  return undefined;
}
