import { defineCommand } from "../../core/define.js";
import { checkOidcUrl } from "../../iam/federation.js";
import { checkProviderLists, checkTags, clientIds, tags, thumbprints, verbose } from "../shared/options.js";

export default defineCommand({
  name: "iam-oidcprovidercreate",
  summary: "Register an OpenID Connect identity provider (such as GitHub Actions) whose tokens roles may trust.",
  operations: ["CreateOpenIDConnectProvider"],
  options: [
    {
      key: "providerUrl",
      short: "u",
      long: "provider-url",
      metavar: "URL",
      description: "the provider's issuer URL, such as https://token.actions.githubusercontent.com",
      required: true,
      parse: checkOidcUrl,
    },
    clientIds({ required: true }),
    thumbprints("a SHA-1 fingerprint of the provider's certificate (IAM verifies well-known providers itself without one)"),
    tags(),
    verbose("print the new provider's ARN"),
  ],
  check: (opts) => checkProviderLists(opts) ?? checkTags(opts.tags),
  output: ["[with -v] the provider's ARN"],
  example: "iam-oidcprovidercreate -u https://token.actions.githubusercontent.com -c sts.amazonaws.com -v",
  async run({ iam }, { providerUrl, clientIds, thumbprints, tags }) {
    const { OpenIDConnectProviderArn } = await iam.createOpenIDConnectProvider({ Url: providerUrl, ClientIDList: clientIds, ThumbprintList: thumbprints, Tags: tags });
    return { OpenIDConnectProviderArn };
  },
  render: ({ OpenIDConnectProviderArn }, { verbose }) => (verbose ? [OpenIDConnectProviderArn ?? ""] : []),
});
