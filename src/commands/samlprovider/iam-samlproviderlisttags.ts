import { providerArn } from "../shared/options.js";
import { listTagsCommand } from "../shared/tagging.js";

export default listTagsCommand({
  name: "iam-samlproviderlisttags",
  kind: "SAML provider",
  entity: providerArn("saml"),
  example: "iam-samlproviderlisttags -a arn:aws:iam::123456789012:saml-provider/okta",
});
