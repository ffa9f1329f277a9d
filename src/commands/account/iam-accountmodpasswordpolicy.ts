import { defineCommand, option } from "../../core/define.js";
import { integerInRange } from "../shared/options.js";

const flag = <Key extends string>(key: Key, short: string, long: string, description: string) => option({ key, short, long, description });

const count = <Key extends string>(key: Key, short: string, long: string, metavar: string, description: string, min: number, max: number) =>
  option({
    key,
    short,
    long,
    metavar,
    description: `${description} (${min} to ${max})`,
    parse: integerInRange(`-${short} (--${long})`, min, max),
  });

// IAMCli's letters for this command are not known; these are iamkit's, and the long names follow
// the API's parameter names.
export default defineCommand({
  name: "iam-accountmodpasswordpolicy",
  summary: "Replace the account's password policy; a setting not given goes back to IAM's default.",
  operations: ["UpdateAccountPasswordPolicy"],
  options: [
    count("minimumPasswordLength", "m", "minimum-password-length", "LENGTH", "the shortest password allowed, default 6", 6, 128),
    flag("requireSymbols", "s", "require-symbols", "passwords must contain a symbol such as ! @ # $ %"),
    flag("requireNumbers", "n", "require-numbers", "passwords must contain a digit"),
    flag("requireUppercaseCharacters", "U", "require-uppercase-characters", "passwords must contain an uppercase letter A to Z"),
    flag("requireLowercaseCharacters", "l", "require-lowercase-characters", "passwords must contain a lowercase letter a to z"),
    flag("allowUsersToChangePassword", "c", "allow-users-to-change-password", "users may change their own password"),
    count("maxPasswordAge", "a", "max-password-age", "DAYS", "days a password stays valid, default never expires", 1, 1095),
    count("passwordReusePrevention", "r", "password-reuse-prevention", "COUNT", "how many previous passwords a user may not reuse, default none", 1, 24),
    flag("hardExpiry", "e", "hard-expiry", "once a password expires, only an administrator can set a new one"),
  ],
  example: "iam-accountmodpasswordpolicy -m 12 -s -n -U -l -c -a 90 -r 5",
  async run({ iam }, opts) {
    await iam.updateAccountPasswordPolicy({
      MinimumPasswordLength: opts.minimumPasswordLength,
      RequireSymbols: opts.requireSymbols,
      RequireNumbers: opts.requireNumbers,
      RequireUppercaseCharacters: opts.requireUppercaseCharacters,
      RequireLowercaseCharacters: opts.requireLowercaseCharacters,
      AllowUsersToChangePassword: opts.allowUsersToChangePassword,
      MaxPasswordAge: opts.maxPasswordAge,
      PasswordReusePrevention: opts.passwordReusePrevention,
      HardExpiry: opts.hardExpiry,
    });
    return {};
  },
});
