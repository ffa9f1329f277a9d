import { delProviderCommand } from "../shared/identity-providers.js";

export default delProviderCommand({
  name: "iam-samlproviderdel",
  kind: "saml",
  summary: "Delete a SAML provider; roles that trust it can no longer be assumed through it.",
  example: "iam-samlproviderdel -a arn:aws:iam::123456789012:saml-provider/okta",
});
