import { providerArn } from "../shared/options.js";
import { listTagsCommand } from "../shared/tagging.js";

export default listTagsCommand({
  name: "iam-oidcproviderlisttags",
  kind: "OIDC provider",
  entity: providerArn("oidc"),
  example: "iam-oidcproviderlisttags -a arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
});
