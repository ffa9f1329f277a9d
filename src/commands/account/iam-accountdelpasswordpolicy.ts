import { defineCommand } from "../../core/define.js";

export default defineCommand({
  name: "iam-accountdelpasswordpolicy",
  summary: "Remove the account's password policy, leaving passwords with only IAM's built-in rules.",
  operations: ["DeleteAccountPasswordPolicy"],
  options: [],
  example: "iam-accountdelpasswordpolicy",
  async run({ iam }) {
    await iam.deleteAccountPasswordPolicy({});
    return {};
  },
});
