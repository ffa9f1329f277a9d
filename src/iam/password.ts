import type { PasswordPolicy } from "@aws-sdk/client-iam";
import type { Context } from "../core/context.js";
import { UsageError } from "../core/errors.js";

/**
 * Console passwords. A password is a secret: every message here says where the password came
 * from and what is wrong with it, never what it is.
 */

/** The parsed form of the loginPassword() options. */
export interface PasswordSource {
  password?: string;
  passwordFile?: string;
}

/** IAM's documented password alphabet: tab, LF, CR and U+0020 to U+00FF. */
const PASSWORD_CHARS = /^[\t\n\r\u0020-\u00ff]*$/;
const MAX_PASSWORD_LENGTH = 128;

export function checkPassword(value: string, source: string): string {
  if (value.length === 0) throw new UsageError(`invalid password from ${source}: it is empty`);
  if (!PASSWORD_CHARS.test(value)) {
    throw new UsageError(`invalid password from ${source}: only tab, line breaks and characters U+0020 to U+00FF are allowed`);
  }
  if (value.length > MAX_PASSWORD_LENGTH) {
    throw new UsageError(`invalid password from ${source}: longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  return value;
}

/** A password kept in a file (- is standard input), checked. */
export async function readPasswordFile(ctx: Context, file: string): Promise<string> {
  const text = await ctx.readText(file, "password file");
  // Editors and `echo` end the file with a newline that is not part of the password.
  return checkPassword(text.replace(/\r?\n$/, ""), file === "-" ? "standard input" : `password file ${file}`);
}

/**
 * The password from -p (already checked), --password-file, or a prompt typed twice. Without a
 * terminal there is nobody to prompt, so that is a usage error rather than a hang on stdin.
 */
export async function readPassword(ctx: Context, source: PasswordSource, userName: string): Promise<string> {
  if (source.password !== undefined) return source.password;
  if (source.passwordFile !== undefined) return readPasswordFile(ctx, source.passwordFile);
  const first = await ctx.promptSecret(`New password for ${userName}: `);
  if (first === undefined) throw new UsageError("a password is required: use -p, --password-file or run on a terminal");
  const second = await ctx.promptSecret("Type it again: ");
  if (first !== second) throw new UsageError("passwords do not match");
  return checkPassword(first, "the terminal");
}

/** The parsed options of the commands that set a login profile. */
export interface LoginProfileOptions extends PasswordSource {
  userName: string;
  passwordResetRequired?: boolean;
}

/** The request both CreateLoginProfile and UpdateLoginProfile take. */
export async function loginProfileRequest(ctx: Context, opts: LoginProfileOptions) {
  return {
    UserName: opts.userName,
    Password: await readPassword(ctx, opts, opts.userName),
    PasswordResetRequired: opts.passwordResetRequired,
  };
}

/** The characters IAM's password policy counts as symbols (RequireSymbols). */
const SYMBOLS = /[!@#$%^&*()_+\-=[\]{}|']/;

/**
 * What in a password the account's password policy would refuse, in words that never repeat it.
 * Reuse of earlier passwords (PasswordReusePrevention) is not checked: IAM does not expose them.
 */
export function passwordPolicyBreaches(password: string, policy: PasswordPolicy): string[] {
  const rules: [boolean | undefined, string][] = [
    [policy.MinimumPasswordLength !== undefined && password.length < policy.MinimumPasswordLength, `it is shorter than ${policy.MinimumPasswordLength} characters`],
    [policy.RequireUppercaseCharacters && !/[A-Z]/.test(password), "it has no uppercase letter (A to Z)"],
    [policy.RequireLowercaseCharacters && !/[a-z]/.test(password), "it has no lowercase letter (a to z)"],
    [policy.RequireNumbers && !/[0-9]/.test(password), "it has no digit"],
    [policy.RequireSymbols && !SYMBOLS.test(password), "it has no symbol (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')"],
  ];
  return rules.filter(([breached]) => breached).map(([, why]) => why);
}
