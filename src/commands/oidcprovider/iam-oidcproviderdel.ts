import { defineCommand } from "../../core/define.js";
import { providerArn } from "../shared/options.js";

export default defineCommand({
  name: "iam-oidcproviderdel",
  summary: "Delete an OpenID Connect provider; roles that trust it can no longer be assumed with its tokens.",
  operations: ["DeleteOpenIDConnectProvider"],
  options: [providerArn("oidc")],
  example: "iam-oidcproviderdel -a arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
  async run({ iam }, { providerArn }) {
    await iam.deleteOpenIDConnectProvider({ OpenIDConnectProviderArn: providerArn });
    return {};
  },
});
