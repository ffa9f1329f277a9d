import { accountAliasCommand } from "../shared/request-families.js";

export default accountAliasCommand({
  name: "iam-accountaliasdelete",
  summary: "Remove the account's alias; the sign-in page goes back to using the account id.",
  operation: "DeleteAccountAlias",
  example: "iam-accountaliasdelete -a example-corp",
});
