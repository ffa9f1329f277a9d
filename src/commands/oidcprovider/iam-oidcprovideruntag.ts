import { providerArn } from "../shared/options.js";
import { untagCommand } from "../shared/tagging.js";

export default untagCommand({
  name: "iam-oidcprovideruntag",
  kind: "OIDC provider",
  entity: providerArn("oidc"),
  example: "iam-oidcprovideruntag -a arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com -k team",
});
