// The strict IAM layer's rules for the newer actions moto 5.2.3 lacks or answers loosely: OIDC
// client ids, SAML provider tags. Each rule cites the IAM API reference page it follows. The layer
// (strict-iam.mjs) hands in its answer helpers and spreads `rules`, `answeredHere` and `rewrites`
// into its own; `reset` forgets what this module keeps when moto is reset.
import { escapeXml } from "./loopback-proxy.mjs";

/** The values of a Query-protocol list parameter: `Name.member.1`, `Name.member.2`, ... */
function memberList(params, name) {
  return Object.keys(params)
    .map((key) => new RegExp(`^${name}\\.member\\.(\\d+)$`).exec(key))
    .filter(Boolean)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => params[match[0]]);
}

/** `Tags.member.N.Key` / `.Value` pairs. */
function tagList(params) {
  return Object.keys(params)
    .map((key) => /^Tags\.member\.(\d+)\.Key$/.exec(key))
    .filter(Boolean)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => ({ Key: params[match[0]], Value: params[`Tags.member.${match[1]}.Value`] ?? "" }));
}

/** IAM's limit on client ids per OIDC provider (IAM User Guide, "IAM and AWS STS quotas"). */
const MAX_CLIENT_IDS = 100;

export function modernRules({ success, refusal, noSuchEntity, elements, members, page, maxItems, invalidMarker, unlessMissing }) {
  /** OIDC provider ARN -> its client ids, once changed here (moto cannot change them). */
  const clientIds = new Map();
  /** SAML provider ARN -> its tags (moto keeps none). */
  const samlTags = new Map();

  /** The provider's client ids as IAM holds them, or undefined when moto has no such provider. */
  async function currentClientIds(iam, OpenIDConnectProviderArn) {
    const provider = await unlessMissing(iam.getOpenIDConnectProvider({ OpenIDConnectProviderArn }));
    return provider && (clientIds.get(OpenIDConnectProviderArn) ?? provider.ClientIDList ?? []);
  }
  const noSuchOidcProvider = (arn) => noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);

  async function samlProviderTags(iam, SAMLProviderArn) {
    const provider = await unlessMissing(iam.getSAMLProvider({ SAMLProviderArn }));
    return provider && (samlTags.get(SAMLProviderArn) ?? []);
  }
  const noSuchSamlProvider = (arn) => noSuchEntity(`SAMLProvider ${arn} not found`);

  /** Rules that only refuse, letting moto act on what passes. */
  const checks = {
    /**
     * DeleteOpenIDConnectProvider:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteOpenIDConnectProvider.html —
     * NoSuchEntity for a provider that does not exist (moto answers success).
     */
    async DeleteOpenIDConnectProvider(iam, { OpenIDConnectProviderArn }) {
      return (await currentClientIds(iam, OpenIDConnectProviderArn)) ? undefined : noSuchOidcProvider(OpenIDConnectProviderArn);
    },
  };

  /** Actions moto lacks, answered here. */
  const answers = {
    /**
     * AddClientIDToOpenIDConnectProvider:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddClientIDToOpenIDConnectProvider.html
     * — "This operation is idempotent; it does not fail or return an error if you add an existing
     * client ID to the provider." LimitExceeded past the quota of client ids.
     */
    async AddClientIDToOpenIDConnectProvider(iam, { OpenIDConnectProviderArn, ClientID }) {
      const ids = await currentClientIds(iam, OpenIDConnectProviderArn);
      if (!ids) return noSuchOidcProvider(OpenIDConnectProviderArn);
      if (ids.includes(ClientID)) return success("AddClientIDToOpenIDConnectProvider");
      if (ids.length >= MAX_CLIENT_IDS) return refusal(409, "LimitExceeded", `Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${MAX_CLIENT_IDS}`);
      clientIds.set(OpenIDConnectProviderArn, [...ids, ClientID]);
      return success("AddClientIDToOpenIDConnectProvider");
    },

    /**
     * RemoveClientIDFromOpenIDConnectProvider:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveClientIDFromOpenIDConnectProvider.html
     * — "This operation is idempotent; it does not fail or return an error if you try to remove a
     * client ID that does not exist."
     */
    async RemoveClientIDFromOpenIDConnectProvider(iam, { OpenIDConnectProviderArn, ClientID }) {
      const ids = await currentClientIds(iam, OpenIDConnectProviderArn);
      if (!ids) return noSuchOidcProvider(OpenIDConnectProviderArn);
      clientIds.set(OpenIDConnectProviderArn, ids.filter((id) => id !== ClientID));
      return success("RemoveClientIDFromOpenIDConnectProvider");
    },

    /**
     * TagSAMLProvider: https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagSAMLProvider.html
     * — "If a tag with the same key name already exists, then that tag is overwritten with the new
     * value"; at most 50 tags per resource (LimitExceeded).
     */
    async TagSAMLProvider(iam, params) {
      const tags = await samlProviderTags(iam, params.SAMLProviderArn);
      if (!tags) return noSuchSamlProvider(params.SAMLProviderArn);
      const added = tagList(params);
      const merged = [...tags.filter((t) => !added.some((a) => a.Key === t.Key)), ...added];
      if (merged.length > 50) return refusal(409, "LimitExceeded", "The number of tags has reached the maximum limit.");
      samlTags.set(params.SAMLProviderArn, merged);
      return success("TagSAMLProvider");
    },

    /** UntagSAMLProvider: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagSAMLProvider.html */
    async UntagSAMLProvider(iam, params) {
      const tags = await samlProviderTags(iam, params.SAMLProviderArn);
      if (!tags) return noSuchSamlProvider(params.SAMLProviderArn);
      const removed = memberList(params, "TagKeys");
      samlTags.set(params.SAMLProviderArn, tags.filter((t) => !removed.includes(t.Key)));
      return success("UntagSAMLProvider");
    },

    /**
     * ListSAMLProviderTags:
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListSAMLProviderTags.html — paged by
     * MaxItems/Marker; the layer answers at most 2 per page so that callers must page.
     */
    async ListSAMLProviderTags(iam, params) {
      const tags = await samlProviderTags(iam, params.SAMLProviderArn);
      if (!tags) return noSuchSamlProvider(params.SAMLProviderArn);
      const one = page(tags, params, maxItems(params, 2));
      if (!one) return invalidMarker();
      return success("ListSAMLProviderTags", `<Tags>${members(one.items, elements)}</Tags>${one.tail}`);
    },
  };

  const rewrites = {
    /** GetOpenIDConnectProvider shows the client ids as changed here. */
    GetOpenIDConnectProvider(answer, { OpenIDConnectProviderArn }) {
      const ids = clientIds.get(OpenIDConnectProviderArn);
      if (answer.status !== 200 || !ids) return undefined;
      const list = `<ClientIDList>${members(ids, escapeXml)}</ClientIDList>`;
      return { status: 200, body: answer.body.replace(/<ClientIDList>[\s\S]*?<\/ClientIDList>|<ClientIDList\/>/, list) };
    },
    DeleteOpenIDConnectProvider(answer, { OpenIDConnectProviderArn }) {
      if (answer.status === 200) clientIds.delete(OpenIDConnectProviderArn);
      return undefined;
    },
    /** CreateSAMLProvider: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateSAMLProvider.html — Tags (moto drops them). */
    CreateSAMLProvider(answer, params) {
      const arn = /<SAMLProviderArn>([^<]+)<\/SAMLProviderArn>/.exec(answer.body)?.[1];
      if (answer.status === 200 && arn) samlTags.set(arn, tagList(params));
      return undefined;
    },
    DeleteSAMLProvider(answer, { SAMLProviderArn }) {
      if (answer.status === 200) samlTags.delete(SAMLProviderArn);
      return undefined;
    },
  };

  return {
    rules: { ...checks, ...answers },
    answeredHere: Object.keys(answers),
    rewrites,
    reset() {
      clientIds.clear();
      samlTags.clear();
    },
  };
}
