import { defineCommand } from "../../core/define.js";
import { checkSamlProviderName } from "../../iam/federation.js";
import { checkTags, tags, verbose } from "../shared/options.js";
import { readSamlMetadata, samlMetadataFile } from "../shared/saml-metadata.js";

export default defineCommand({
  name: "iam-samlprovidercreate",
  summary: "Register a SAML 2.0 identity provider for single sign-on, from the metadata document it publishes.",
  operations: ["CreateSAMLProvider"],
  options: [
    {
      key: "name",
      short: "n",
      long: "name",
      metavar: "NAME",
      description: "the provider's name, the last part of its ARN",
      required: true,
      parse: checkSamlProviderName,
    },
    samlMetadataFile(),
    tags(),
    verbose("print the new provider's ARN"),
  ],
  check: (opts) => checkTags(opts.tags),
  output: ["[with -v] the provider's ARN"],
  example: "iam-samlprovidercreate -n okta -f okta-metadata.xml -v",
  async run(ctx, { name, metadataFile, tags }) {
    const SAMLMetadataDocument = await readSamlMetadata(ctx, metadataFile);
    const { SAMLProviderArn } = await ctx.iam.createSAMLProvider({ Name: name, SAMLMetadataDocument, Tags: tags });
    return { SAMLProviderArn };
  },
  render: ({ SAMLProviderArn }, { verbose }) => (verbose ? [SAMLProviderArn ?? ""] : []),
});
