import { accountAliasCommand } from "../shared/request-families.js";

export default accountAliasCommand({
  name: "iam-accountaliascreate",
  summary: "Give the account an alias, which names its console sign-in page.",
  operation: "CreateAccountAlias",
  example: "iam-accountaliascreate -a example-corp",
});
