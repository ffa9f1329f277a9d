import { defineCommand } from "../../core/define.js";
import { providerArn } from "../shared/options.js";
import { readSamlMetadata, samlMetadataFile } from "../shared/saml-metadata.js";

export default defineCommand({
  name: "iam-samlprovidermod",
  summary: "Replace a SAML provider's metadata document, as when the identity provider rotates its signing certificate.",
  operations: ["UpdateSAMLProvider"],
  options: [providerArn("saml"), samlMetadataFile()],
  example: "iam-samlprovidermod -a arn:aws:iam::123456789012:saml-provider/okta -f okta-metadata-2026.xml",
  async run(ctx, { providerArn, metadataFile }) {
    const SAMLMetadataDocument = await readSamlMetadata(ctx, metadataFile);
    await ctx.iam.updateSAMLProvider({ SAMLProviderArn: providerArn, SAMLMetadataDocument });
    return {};
  },
});
