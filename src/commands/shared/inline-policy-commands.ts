import type { IAM } from "@aws-sdk/client-iam";
import { defineCommand, type CommandSpec, type OptionSpec } from "../../core/define.js";
import {
  exactlyOnePolicySource,
  groupName,
  maxItems,
  policyDocument,
  policyName,
  roleName,
  simplePolicy,
  userName,
  verbose,
} from "./options.js";
import {
  documentLines,
  listInlinePolicies,
  putSimplePolicy,
  renderGeneratedPolicy,
  renderInlinePolicyList,
  withDecodedDocument,
  type GeneratedPolicy,
  type InlinePolicyList,
  type SimplePolicyOptions,
} from "../../iam/inline-policies.js";
import type { Page } from "../../iam/paginate.js";
import { readPolicyDocument, type PolicySource } from "../../iam/policy-input.js";

/**
 * The inline-policy commands (*addpolicy, *uploadpolicy, *getpolicy, *delpolicy, *listpolicies)
 * are the same for users, groups and roles: only the action names, the request field and the
 * option that name the entity differ.
 */

interface InlinePolicyApi {
  /** The option that names the entity (-u, -g, -r). */
  entity: () => OptionSpec;
  /** The noun in the action names (PutUserPolicy, ListUserPolicies). */
  noun: string;
  /** The short option of -e/-a/-r's resource, when the entity's own option takes -r. */
  resourceLetter?: string;
  storeDocument(iam: IAM, name: string, PolicyName: string, PolicyDocument: string): Promise<unknown>;
  readDocument(iam: IAM, name: string, PolicyName: string): Promise<{ PolicyName?: string; PolicyDocument?: string }>;
  removeDocument(iam: IAM, name: string, PolicyName: string): Promise<unknown>;
  listNames(iam: IAM, name: string, Marker: string | undefined, MaxItems: number | undefined): Promise<Page & { PolicyNames?: string[] }>;
}

const API = {
  user: {
    entity: userName,
    noun: "User",
    storeDocument: (iam, UserName, PolicyName, PolicyDocument) => iam.putUserPolicy({ UserName, PolicyName, PolicyDocument }),
    readDocument: (iam, UserName, PolicyName) => iam.getUserPolicy({ UserName, PolicyName }),
    removeDocument: (iam, UserName, PolicyName) => iam.deleteUserPolicy({ UserName, PolicyName }),
    listNames: (iam, UserName, Marker, MaxItems) => iam.listUserPolicies({ UserName, Marker, MaxItems }),
  },
  group: {
    entity: groupName,
    noun: "Group",
    storeDocument: (iam, GroupName, PolicyName, PolicyDocument) => iam.putGroupPolicy({ GroupName, PolicyName, PolicyDocument }),
    readDocument: (iam, GroupName, PolicyName) => iam.getGroupPolicy({ GroupName, PolicyName }),
    removeDocument: (iam, GroupName, PolicyName) => iam.deleteGroupPolicy({ GroupName, PolicyName }),
    listNames: (iam, GroupName, Marker, MaxItems) => iam.listGroupPolicies({ GroupName, Marker, MaxItems }),
  },
  role: {
    entity: roleName,
    noun: "Role",
    // The resource is -c: -r is the role's name.
    resourceLetter: "c",
    storeDocument: (iam, RoleName, PolicyName, PolicyDocument) => iam.putRolePolicy({ RoleName, PolicyName, PolicyDocument }),
    readDocument: (iam, RoleName, PolicyName) => iam.getRolePolicy({ RoleName, PolicyName }),
    removeDocument: (iam, RoleName, PolicyName) => iam.deleteRolePolicy({ RoleName, PolicyName }),
    listNames: (iam, RoleName, Marker, MaxItems) => iam.listRolePolicies({ RoleName, Marker, MaxItems }),
  },
} satisfies Record<string, InlinePolicyApi>;

type Holder = keyof typeof API;

/** What each command module declares; the rest follows from the kind of entity. */
export interface InlinePolicyCommand {
  name: `iam-${string}`;
  kind: Holder;
  example: string;
  /** Where the legacy tool's own wording differs from its siblings'. */
  summary?: string;
}

type Named = Record<string, unknown> & { policyName: string };

/** The spec fields every command of the family shares: the entity option first, and positional. */
function common(kind: Holder) {
  const entity = API[kind].entity();
  return {
    api: API[kind] as InlinePolicyApi,
    entity,
    nameOf: (opts: Record<string, unknown>) => opts[entity.key] as string,
    spec: { euare: true, positional: entity.key },
  };
}

export function addPolicyCommand({ name, kind, example }: InlinePolicyCommand): CommandSpec<Named & SimplePolicyOptions, GeneratedPolicy> {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand<Named & SimplePolicyOptions, GeneratedPolicy>({
    name,
    summary: `Give a ${kind} an inline policy with one statement built from an effect, actions and resources.`,
    operations: [`Put${api.noun}Policy`],
    ...spec,
    options: [entity, policyName(), ...simplePolicy(api.resourceLetter)],
    output: ["[with -o] the generated policy, as one line of JSON"],
    example,
    run: (ctx, opts) =>
      putSimplePolicy(ctx, opts, { entity: kind, name: nameOf(opts) }, (PolicyDocument) =>
        api.storeDocument(ctx.iam, nameOf(opts), opts.policyName, PolicyDocument),
      ),
    render: renderGeneratedPolicy,
  });
}

export function uploadPolicyCommand({ name, kind, example, summary }: InlinePolicyCommand): CommandSpec<Named & PolicySource, Record<string, never>> {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand<Named & PolicySource>({
    name,
    summary: summary ?? `Give a ${kind} an inline policy written by hand, replacing any policy of the same name.`,
    operations: [`Put${api.noun}Policy`],
    ...spec,
    options: [entity, policyName(), ...policyDocument()],
    check: exactlyOnePolicySource,
    example,
    async run(ctx, opts) {
      const PolicyDocument = await readPolicyDocument(ctx, opts, { entity: kind, name: nameOf(opts) });
      await api.storeDocument(ctx.iam, nameOf(opts), opts.policyName, PolicyDocument);
      return {};
    },
  });
}

type Document = { PolicyName?: string; PolicyDocument: string };

export function getPolicyCommand({ name, kind, example }: InlinePolicyCommand): CommandSpec<Named, Document> {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand<Named, Document>({
    name,
    summary: `Print the document of one of a ${kind}'s inline policies, as it was written.`,
    operations: [`Get${api.noun}Policy`],
    ...spec,
    options: [entity, policyName()],
    output: ["the policy document, line for line as stored"],
    example,
    run: async ({ iam }, opts) => withDecodedDocument(await api.readDocument(iam, nameOf(opts), opts.policyName)),
    render: ({ PolicyDocument }) => documentLines(PolicyDocument),
  });
}

export function delPolicyCommand({ name, kind, example }: InlinePolicyCommand): CommandSpec<Named, Record<string, never>> {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand<Named>({
    name,
    summary: `Remove one of a ${kind}'s inline policies.`,
    operations: [`Delete${api.noun}Policy`],
    ...spec,
    options: [entity, policyName()],
    example,
    async run({ iam }, opts) {
      await api.removeDocument(iam, nameOf(opts), opts.policyName);
      return {};
    },
  });
}

type ListOptions = Record<string, unknown> & { verbose?: boolean; maxItems?: number };

export function listPoliciesCommand({ name, kind, example }: InlinePolicyCommand): CommandSpec<ListOptions, InlinePolicyList> {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand<ListOptions, InlinePolicyList>({
    name,
    summary: `List the names of a ${kind}'s inline policies, optionally with their documents.`,
    operations: [`List${api.noun}Policies`, `Get${api.noun}Policy`],
    ...spec,
    options: [entity, verbose("also print each policy's document after its name"), maxItems()],
    output: ["one policy name per line, each followed by its document with -v", "IsTruncated: false"],
    example,
    run: ({ iam }, opts) =>
      listInlinePolicies(
        (Marker, MaxItems) => api.listNames(iam, nameOf(opts), Marker, MaxItems),
        opts.verbose ? (PolicyName) => api.readDocument(iam, nameOf(opts), PolicyName) : undefined,
        opts.maxItems,
      ),
    render: renderInlinePolicyList,
  });
}
