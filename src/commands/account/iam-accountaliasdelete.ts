import { defineCommand } from "../../core/define.js";
import { accountAlias } from "../shared/options.js";

export default defineCommand({
  name: "iam-accountaliasdelete",
  summary: "Remove the account's alias; the sign-in page goes back to using the account id.",
  operations: ["DeleteAccountAlias"],
  euare: true,
  positional: "alias",
  options: [accountAlias()],
  example: "iam-accountaliasdelete -a example-corp",
  async run({ iam }, { alias }) {
    await iam.deleteAccountAlias({ AccountAlias: alias });
    return {};
  },
});
