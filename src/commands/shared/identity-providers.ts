import type { OpenIDConnectProviderListEntry, SAMLProviderListEntry } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import type { IamClient } from "../../core/operations.js";
import type { ProviderKind } from "../../iam/federation.js";
import { listLines } from "../../output/print.js";
import { providerArn } from "./options.js";

/**
 * Deleting and listing identity providers is the same for OpenID Connect and SAML: only the action
 * names, the request field of the ARN and the answer's field differ.
 */

/** The noun in the action names (DeleteOpenIDConnectProvider, ListSAMLProviders). */
type Nouns = { oidc: "OpenIDConnect"; saml: "SAML" };

interface ProviderApi<Noun extends string> {
  noun: Noun;
  remove(iam: IamClient<`Delete${Noun}Provider`>, arn: string): Promise<unknown>;
  /** The account's providers, as IAM answers them (one page: IAM does not page them). */
  list(iam: IamClient<`List${Noun}Providers`>): Promise<(OpenIDConnectProviderListEntry | SAMLProviderListEntry)[]>;
}

const API: { [Kind in ProviderKind]: ProviderApi<Nouns[Kind]> } = {
  oidc: {
    noun: "OpenIDConnect",
    remove: (iam, OpenIDConnectProviderArn) => iam.deleteOpenIDConnectProvider({ OpenIDConnectProviderArn }),
    list: async (iam) => (await iam.listOpenIDConnectProviders({})).OpenIDConnectProviderList ?? [],
  },
  saml: {
    noun: "SAML",
    remove: (iam, SAMLProviderArn) => iam.deleteSAMLProvider({ SAMLProviderArn }),
    list: async (iam) => (await iam.listSAMLProviders({})).SAMLProviderList ?? [],
  },
};

/** What each module declares; the rest follows from the kind of provider. */
interface ProviderCommand {
  name: `iam-${string}`;
  kind: ProviderKind;
  summary: string;
  example: string;
}

export function delProviderCommand({ name, kind, summary, example }: ProviderCommand) {
  const api = API[kind];
  return defineCommand({
    name,
    summary,
    operations: [`Delete${api.noun}Provider` as const],
    options: [providerArn(kind)],
    example,
    async run({ iam }, { providerArn }) {
      await api.remove(iam, providerArn);
      return {};
    },
  });
}

export function listProvidersCommand({ name, kind, summary, example }: ProviderCommand) {
  const api = API[kind];
  // --json shows the list under the answer's own field: OpenIDConnectProviderList, SAMLProviderList.
  const field = `${api.noun}ProviderList`;
  return defineCommand({
    name,
    summary,
    operations: [`List${api.noun}Providers` as const],
    options: [],
    output: ["per provider: its ARN", "IsTruncated: false"],
    example,
    run: async ({ iam }) => ({ [field]: await api.list(iam) }),
    render: (result) => listLines(result[field].map((p) => p.Arn)),
  });
}
