import { defineCommand } from "../../core/define.js";
import { listLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-oidcproviderlist",
  summary: "List the account's OpenID Connect identity providers by ARN.",
  operations: ["ListOpenIDConnectProviders"],
  options: [],
  output: ["per provider: its ARN", "IsTruncated: false"],
  example: "iam-oidcproviderlist",
  run: async ({ iam }) => ({ OpenIDConnectProviderList: (await iam.listOpenIDConnectProviders({})).OpenIDConnectProviderList ?? [] }),
  render: ({ OpenIDConnectProviderList }) => listLines(OpenIDConnectProviderList.map((p) => p.Arn)),
});
