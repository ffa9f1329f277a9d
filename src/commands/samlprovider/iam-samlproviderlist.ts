import { listProvidersCommand } from "../shared/identity-providers.js";

export default listProvidersCommand({
  name: "iam-samlproviderlist",
  kind: "saml",
  summary: "List the account's SAML identity providers by ARN.",
  example: "iam-samlproviderlist",
});
