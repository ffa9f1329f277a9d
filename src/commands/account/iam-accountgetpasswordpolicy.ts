import type { PasswordPolicy } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { keyValueLines } from "../../output/print.js";

/** The order of the fields in the API reference, kept fixed so scripts can rely on it. */
const FIELDS = [
  "MinimumPasswordLength",
  "RequireSymbols",
  "RequireNumbers",
  "RequireUppercaseCharacters",
  "RequireLowercaseCharacters",
  "AllowUsersToChangePassword",
  "ExpirePasswords",
  "MaxPasswordAge",
  "PasswordReusePrevention",
  "HardExpiry",
] as const satisfies readonly (keyof PasswordPolicy)[];

export default defineCommand({
  name: "iam-accountgetpasswordpolicy",
  summary: "Show the account's password policy; an account without one is an error.",
  operations: ["GetAccountPasswordPolicy"],
  options: [],
  output: ["Key: Value per setting the policy has, in the API's order (MinimumPasswordLength: 8, RequireSymbols: true, ...)"],
  example: "iam-accountgetpasswordpolicy",
  run: async ({ iam }) => ({ PasswordPolicy: (await iam.getAccountPasswordPolicy({})).PasswordPolicy! }),
  render: ({ PasswordPolicy }) => keyValueLines(FIELDS.map((field) => [field, PasswordPolicy[field]])),
});
