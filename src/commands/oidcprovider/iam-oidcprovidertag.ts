import { providerArn } from "../shared/options.js";
import { tagCommand } from "../shared/tagging.js";

export default tagCommand({
  name: "iam-oidcprovidertag",
  kind: "OIDC provider",
  entity: providerArn("oidc"),
  example: "iam-oidcprovidertag -a arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com -t team=platform",
});
