import { defineCommand } from "../../core/define.js";
import { providerArn, verbose } from "../shared/options.js";
import { keyValueLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-samlprovidergetattributes",
  summary: "Show when a SAML provider was created and until when its metadata is valid.",
  operations: ["GetSAMLProvider"],
  options: [providerArn("saml"), verbose("also print the provider's metadata document")],
  output: ["CreateDate: <ISO 8601>", "ValidUntil: <ISO 8601>", "[with -v] the metadata document, line for line"],
  example: "iam-samlprovidergetattributes -a arn:aws:iam::123456789012:saml-provider/okta",
  async run({ iam }, { providerArn }) {
    const { $metadata: _, ...provider } = await iam.getSAMLProvider({ SAMLProviderArn: providerArn });
    return provider;
  },
  render: ({ CreateDate, ValidUntil, SAMLMetadataDocument }, { verbose }) => [
    ...keyValueLines([
      ["CreateDate", CreateDate],
      ["ValidUntil", ValidUntil],
    ]),
    ...(verbose ? (SAMLMetadataDocument ?? "").split(/\r?\n/) : []),
  ],
});
