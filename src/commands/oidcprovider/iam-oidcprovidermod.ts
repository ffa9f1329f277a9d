import { defineCommand } from "../../core/define.js";
import { checkClientId } from "../../iam/federation.js";
import { checkProviderLists, clientIds, providerArn, thumbprints } from "../shared/options.js";

export default defineCommand({
  name: "iam-oidcprovidermod",
  summary: "Add or remove an OpenID Connect provider's client ids, or replace its thumbprints.",
  operations: ["AddClientIDToOpenIDConnectProvider", "RemoveClientIDFromOpenIDConnectProvider", "UpdateOpenIDConnectProviderThumbprint"],
  options: [
    providerArn("oidc"),
    clientIds({ long: "add-client-id", description: "a client id (audience) to add" }),
    {
      key: "removeClientIds",
      short: "x",
      long: "remove-client-id",
      metavar: "CLIENTID",
      description: "a client id to remove; removing one the provider lacks is not an error",
      repeatable: true,
      parse: checkClientId,
    },
    thumbprints("the new thumbprint list, replacing the old one (give -t once per thumbprint)"),
  ],
  check: (opts) =>
    opts.clientIds === undefined && opts.removeClientIds === undefined && opts.thumbprints === undefined
      ? "nothing to change: give client ids to add (-c) or remove (-x), or thumbprints (-t)"
      : checkProviderLists(opts),
  example: "iam-oidcprovidermod -a arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com -c sigstore",
  async run({ iam }, { providerArn, clientIds = [], removeClientIds = [], thumbprints }) {
    const OpenIDConnectProviderArn = providerArn;
    for (const ClientID of clientIds) await iam.addClientIDToOpenIDConnectProvider({ OpenIDConnectProviderArn, ClientID });
    for (const ClientID of removeClientIds) await iam.removeClientIDFromOpenIDConnectProvider({ OpenIDConnectProviderArn, ClientID });
    if (thumbprints) await iam.updateOpenIDConnectProviderThumbprint({ OpenIDConnectProviderArn, ThumbprintList: thumbprints });
    return {};
  },
});
