import { delProviderCommand } from "../shared/identity-providers.js";

export default delProviderCommand({
  name: "iam-oidcproviderdel",
  kind: "oidc",
  summary: "Delete an OpenID Connect provider; roles that trust it can no longer be assumed with its tokens.",
  example: "iam-oidcproviderdel -a arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
});
