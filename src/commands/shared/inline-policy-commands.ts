import { defineCommand, type OptionSpec } from "../../core/define.js";
import type { IamClient } from "../../core/operations.js";
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
} from "../../iam/inline-policies.js";
import type { Page } from "../../iam/paginate.js";
import { readPolicyDocument } from "../../iam/policy-input.js";

/**
 * The inline-policy commands (*addpolicy, *uploadpolicy, *getpolicy, *delpolicy, *listpolicies)
 * are the same for users, groups and roles: only the action names, the request field and the
 * option that name the entity differ.
 */

/** The noun in the action names (PutUserPolicy, ListUserPolicies). */
type Nouns = { user: "User"; group: "Group"; role: "Role" };
type Holder = keyof Nouns;

interface InlinePolicyApi<Noun extends string> {
  /** The option that names the entity (-u, -g, -r). */
  entity: () => OptionSpec;
  noun: Noun;
  /** The short option of -e/-a/-r's resource, when the entity's own option takes -r. */
  resourceLetter?: string;
  storeDocument(iam: IamClient<`Put${Noun}Policy`>, name: string, PolicyName: string, PolicyDocument: string): Promise<unknown>;
  readDocument(iam: IamClient<`Get${Noun}Policy`>, name: string, PolicyName: string): Promise<{ PolicyName?: string; PolicyDocument?: string }>;
  removeDocument(iam: IamClient<`Delete${Noun}Policy`>, name: string, PolicyName: string): Promise<unknown>;
  listNames(
    iam: IamClient<`List${Noun}Policies`>,
    name: string,
    Marker: string | undefined,
    MaxItems: number | undefined,
  ): Promise<Page & { PolicyNames?: string[] }>;
}

const API: { [Kind in Holder]: InlinePolicyApi<Nouns[Kind]> } = {
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
};

/** What each command module declares; the rest follows from the kind of entity. */
export interface InlinePolicyCommand {
  name: `iam-${string}`;
  kind: Holder;
  example: string;
  /** Where the legacy tool's own wording differs from its siblings'. */
  summary?: string;
}

/** The spec fields every command of the family shares: the entity option first, and positional. */
function common(kind: Holder) {
  const entity = API[kind].entity();
  return {
    api: API[kind],
    entity,
    nameOf: (opts: Record<string, unknown>) => opts[entity.key] as string,
    spec: { euare: true, positional: entity.key },
  };
}

export function addPolicyCommand({ name, kind, example }: InlinePolicyCommand) {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand({
    name,
    summary: `Give a ${kind} an inline policy with one statement built from an effect, actions and resources.`,
    operations: [`Put${api.noun}Policy` as const],
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

export function uploadPolicyCommand({ name, kind, example, summary }: InlinePolicyCommand) {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand({
    name,
    summary: summary ?? `Give a ${kind} an inline policy written by hand, replacing any policy of the same name.`,
    operations: [`Put${api.noun}Policy` as const],
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

export function getPolicyCommand({ name, kind, example }: InlinePolicyCommand) {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand({
    name,
    summary: `Print the document of one of a ${kind}'s inline policies, as it was written.`,
    operations: [`Get${api.noun}Policy` as const],
    ...spec,
    options: [entity, policyName()],
    output: ["the policy document, line for line as stored"],
    example,
    run: async ({ iam }, opts) => withDecodedDocument(await api.readDocument(iam, nameOf(opts), opts.policyName)),
    render: ({ PolicyDocument }) => documentLines(PolicyDocument),
  });
}

export function delPolicyCommand({ name, kind, example }: InlinePolicyCommand) {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand({
    name,
    summary: `Remove one of a ${kind}'s inline policies.`,
    operations: [`Delete${api.noun}Policy` as const],
    ...spec,
    options: [entity, policyName()],
    example,
    async run({ iam }, opts) {
      await api.removeDocument(iam, nameOf(opts), opts.policyName);
      return {};
    },
  });
}

export function listPoliciesCommand({ name, kind, example }: InlinePolicyCommand) {
  const { api, entity, nameOf, spec } = common(kind);
  return defineCommand({
    name,
    summary: `List the names of a ${kind}'s inline policies, optionally with their documents.`,
    operations: [`List${api.noun}Policies` as const, `Get${api.noun}Policy` as const],
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
