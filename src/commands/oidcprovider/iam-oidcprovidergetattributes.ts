import { defineCommand } from "../../core/define.js";
import { providerArn } from "../shared/options.js";
import { keyValueLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-oidcprovidergetattributes",
  summary: "Show an OpenID Connect provider's URL, client ids, thumbprints and creation date.",
  operations: ["GetOpenIDConnectProvider"],
  options: [providerArn("oidc")],
  output: ["the provider's URL (as IAM stores it, without https://)", "ClientID: <id>, one line each", "Thumbprint: <SHA-1>, one line each", "CreateDate: <ISO 8601>"],
  example: "iam-oidcprovidergetattributes -a arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
  async run({ iam }, { providerArn }) {
    const { $metadata: _, ...provider } = await iam.getOpenIDConnectProvider({ OpenIDConnectProviderArn: providerArn });
    return provider;
  },
  render: ({ Url, ClientIDList = [], ThumbprintList = [], CreateDate }) => [
    Url ?? "",
    ...keyValueLines([
      ...ClientIDList.map((id): [string, string] => ["ClientID", id]),
      ...ThumbprintList.map((t): [string, string] => ["Thumbprint", t]),
      ["CreateDate", CreateDate],
    ]),
  ],
});
