import { defineCommand } from "../../core/define.js";
import { providerArn } from "../shared/options.js";

export default defineCommand({
  name: "iam-samlproviderdel",
  summary: "Delete a SAML provider; roles that trust it can no longer be assumed through it.",
  operations: ["DeleteSAMLProvider"],
  options: [providerArn("saml")],
  example: "iam-samlproviderdel -a arn:aws:iam::123456789012:saml-provider/okta",
  async run({ iam }, { providerArn }) {
    await iam.deleteSAMLProvider({ SAMLProviderArn: providerArn });
    return {};
  },
});
