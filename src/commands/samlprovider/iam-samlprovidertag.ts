import { providerArn } from "../shared/options.js";
import { tagCommand } from "../shared/tagging.js";

export default tagCommand({
  name: "iam-samlprovidertag",
  kind: "SAML provider",
  entity: providerArn("saml"),
  example: "iam-samlprovidertag -a arn:aws:iam::123456789012:saml-provider/okta -t team=identity",
});
