import type { Tag } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import type { IamClient } from "../../core/operations.js";
import { entityOf, type EntityCommand } from "./entity-command.js";
import { checkTags, maxItems, tagKeys, tags } from "./options.js";
import { streamedListLines } from "../../output/print.js";
import { items, type Page } from "../../iam/paginate.js";

/**
 * The tag, untag and list-tags commands of every taggable entity are one implementation each:
 * the entities differ only in the API names and the request field that names the entity.
 */

/** The noun in the action names (TagUser, UntagUser, ListUserTags). */
type Nouns = {
  user: "User";
  role: "Role";
  policy: "Policy";
  "instance profile": "InstanceProfile";
  "OIDC provider": "OpenIDConnectProvider";
  "SAML provider": "SAMLProvider";
  "virtual MFA device": "MFADevice";
  "server certificate": "ServerCertificate";
};

/** The entities that carry tags, in the words the commands' summaries use. */
export type TaggableKind = keyof Nouns;

interface TagApi<Noun extends string> {
  noun: Noun;
  tag(iam: IamClient<`Tag${Noun}`>, id: string, Tags: Tag[]): Promise<unknown>;
  untag(iam: IamClient<`Untag${Noun}`>, id: string, TagKeys: string[]): Promise<unknown>;
  list(iam: IamClient<`List${Noun}Tags`>, id: string, Marker: string | undefined, MaxItems: number | undefined): Promise<Page & { Tags?: Tag[] }>;
}

const API: { [Kind in TaggableKind]: TagApi<Nouns[Kind]> } = {
  user: {
    noun: "User",
    tag: (iam, UserName, Tags) => iam.tagUser({ UserName, Tags }),
    untag: (iam, UserName, TagKeys) => iam.untagUser({ UserName, TagKeys }),
    list: (iam, UserName, Marker, MaxItems) => iam.listUserTags({ UserName, Marker, MaxItems }),
  },
  role: {
    noun: "Role",
    tag: (iam, RoleName, Tags) => iam.tagRole({ RoleName, Tags }),
    untag: (iam, RoleName, TagKeys) => iam.untagRole({ RoleName, TagKeys }),
    list: (iam, RoleName, Marker, MaxItems) => iam.listRoleTags({ RoleName, Marker, MaxItems }),
  },
  policy: {
    noun: "Policy",
    tag: (iam, PolicyArn, Tags) => iam.tagPolicy({ PolicyArn, Tags }),
    untag: (iam, PolicyArn, TagKeys) => iam.untagPolicy({ PolicyArn, TagKeys }),
    list: (iam, PolicyArn, Marker, MaxItems) => iam.listPolicyTags({ PolicyArn, Marker, MaxItems }),
  },
  "instance profile": {
    noun: "InstanceProfile",
    tag: (iam, InstanceProfileName, Tags) => iam.tagInstanceProfile({ InstanceProfileName, Tags }),
    untag: (iam, InstanceProfileName, TagKeys) => iam.untagInstanceProfile({ InstanceProfileName, TagKeys }),
    list: (iam, InstanceProfileName, Marker, MaxItems) => iam.listInstanceProfileTags({ InstanceProfileName, Marker, MaxItems }),
  },
  "OIDC provider": {
    noun: "OpenIDConnectProvider",
    tag: (iam, OpenIDConnectProviderArn, Tags) => iam.tagOpenIDConnectProvider({ OpenIDConnectProviderArn, Tags }),
    untag: (iam, OpenIDConnectProviderArn, TagKeys) => iam.untagOpenIDConnectProvider({ OpenIDConnectProviderArn, TagKeys }),
    list: (iam, OpenIDConnectProviderArn, Marker, MaxItems) => iam.listOpenIDConnectProviderTags({ OpenIDConnectProviderArn, Marker, MaxItems }),
  },
  "SAML provider": {
    noun: "SAMLProvider",
    tag: (iam, SAMLProviderArn, Tags) => iam.tagSAMLProvider({ SAMLProviderArn, Tags }),
    untag: (iam, SAMLProviderArn, TagKeys) => iam.untagSAMLProvider({ SAMLProviderArn, TagKeys }),
    list: (iam, SAMLProviderArn, Marker, MaxItems) => iam.listSAMLProviderTags({ SAMLProviderArn, Marker, MaxItems }),
  },
  "virtual MFA device": {
    noun: "MFADevice",
    tag: (iam, SerialNumber, Tags) => iam.tagMFADevice({ SerialNumber, Tags }),
    untag: (iam, SerialNumber, TagKeys) => iam.untagMFADevice({ SerialNumber, TagKeys }),
    list: (iam, SerialNumber, Marker, MaxItems) => iam.listMFADeviceTags({ SerialNumber, Marker, MaxItems }),
  },
  "server certificate": {
    noun: "ServerCertificate",
    tag: (iam, ServerCertificateName, Tags) => iam.tagServerCertificate({ ServerCertificateName, Tags }),
    untag: (iam, ServerCertificateName, TagKeys) => iam.untagServerCertificate({ ServerCertificateName, TagKeys }),
    list: (iam, ServerCertificateName, Marker, MaxItems) => iam.listServerCertificateTags({ ServerCertificateName, Marker, MaxItems }),
  },
};

/** What each tag command module declares; the rest is the same for every entity. */
type TaggingCommand = EntityCommand<TaggableKind>;

/** "a user", "an instance profile", "an OIDC provider" (the kinds starting with u sound like "you"). */
const aKind = (kind: string) => `${/^[aeio]/i.test(kind) ? "an" : "a"} ${kind}`;

/** IAM takes at most 50 keys in one UntagX request. */
const MAX_KEYS_PER_REQUEST = 50;

export function tagCommand({ name, kind, entity, example }: TaggingCommand) {
  const api = API[kind];
  return defineCommand({
    name,
    summary: `Add tags to ${aKind(kind)}, replacing the value of any key the ${kind} already has.`,
    operations: [`Tag${api.noun}` as const],
    options: [
      entity,
      { ...tags("t"), description: "a tag to add, or the new value for a key already there", required: true },
    ],
    check: (opts) => checkTags(opts.tags),
    example,
    async run({ iam }, opts) {
      await api.tag(iam, entityOf(entity, opts), opts.tags);
      return {};
    },
  });
}

export function untagCommand({ name, kind, entity, example }: TaggingCommand) {
  const api = API[kind];
  return defineCommand({
    name,
    summary: `Remove tags from ${aKind(kind)} by key; a key the ${kind} does not have is not an error.`,
    operations: [`Untag${api.noun}` as const],
    options: [entity, tagKeys()],
    check: ({ tagKeys }) =>
      tagKeys.length > MAX_KEYS_PER_REQUEST
        ? `too many tag keys: ${tagKeys.length} given, IAM takes ${MAX_KEYS_PER_REQUEST} at a time`
        : undefined,
    example,
    async run({ iam }, opts) {
      await api.untag(iam, entityOf(entity, opts), opts.tagKeys);
      return {};
    },
  });
}

export function listTagsCommand({ name, kind, entity, example }: TaggingCommand) {
  const api = API[kind];
  return defineCommand({
    name,
    summary: `List ${aKind(kind)}'s tags, one KEY=VALUE per line, as -t takes them.`,
    operations: [`List${api.noun}Tags` as const],
    options: [entity, maxItems()],
    output: ["per tag: KEY=VALUE", "IsTruncated: false"],
    example,
    run: async ({ iam }, opts) => ({
      Tags: items((Marker, MaxItems) => api.list(iam, entityOf(entity, opts), Marker, MaxItems), (page) => page.Tags, opts.maxItems),
    }),
    render: ({ Tags }) => streamedListLines(Tags, (tag) => `${tag.Key}=${tag.Value}`),
  });
}
