import { defineCommand } from "../../core/define.js";
import { listLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-samlproviderlist",
  summary: "List the account's SAML identity providers by ARN.",
  operations: ["ListSAMLProviders"],
  options: [],
  output: ["per provider: its ARN", "IsTruncated: false"],
  example: "iam-samlproviderlist",
  run: async ({ iam }) => ({ SAMLProviderList: (await iam.listSAMLProviders({})).SAMLProviderList ?? [] }),
  render: ({ SAMLProviderList }) => listLines(SAMLProviderList.map((p) => p.Arn)),
});
