import { listProvidersCommand } from "../shared/identity-providers.js";

export default listProvidersCommand({
  name: "iam-oidcproviderlist",
  kind: "oidc",
  summary: "List the account's OpenID Connect identity providers by ARN.",
  example: "iam-oidcproviderlist",
});
