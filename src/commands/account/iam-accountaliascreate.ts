import { defineCommand } from "../../core/define.js";
import { accountAlias } from "../shared/options.js";

export default defineCommand({
  name: "iam-accountaliascreate",
  summary: "Give the account an alias, which names its console sign-in page.",
  operations: ["CreateAccountAlias"],
  euare: true,
  positional: "alias",
  options: [accountAlias()],
  example: "iam-accountaliascreate -a example-corp",
  async run({ iam }, { alias }) {
    await iam.createAccountAlias({ AccountAlias: alias });
    return {};
  },
});
