import { providerArn } from "../shared/options.js";
import { untagCommand } from "../shared/tagging.js";

export default untagCommand({
  name: "iam-samlprovideruntag",
  kind: "SAML provider",
  entity: providerArn("saml"),
  example: "iam-samlprovideruntag -a arn:aws:iam::123456789012:saml-provider/okta -k team",
});
