import type { AttachedPolicy } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import type { IamClient } from "../../core/operations.js";
import { entityOf, type EntityCommand } from "./entity-command.js";
import { maxItems, pathPrefix, policyArn } from "./options.js";
import { streamedListLines } from "../../output/print.js";
import { items, type Page } from "../../iam/paginate.js";

/**
 * Attaching, detaching and listing managed policies is the same for users, groups and roles:
 * only the action names and the request field that names the entity differ.
 */

export type PolicyHolderKind = "user" | "group" | "role";

/** The noun in the action names (AttachUserPolicy, ListAttachedUserPolicies). */
type Nouns = { user: "User"; group: "Group"; role: "Role" };

interface AttachApi<Noun extends string> {
  noun: Noun;
  attach(iam: IamClient<`Attach${Noun}Policy`>, name: string, PolicyArn: string): Promise<unknown>;
  detach(iam: IamClient<`Detach${Noun}Policy`>, name: string, PolicyArn: string): Promise<unknown>;
  list(
    iam: IamClient<`ListAttached${Noun}Policies`>,
    name: string,
    PathPrefix: string | undefined,
    Marker: string | undefined,
    MaxItems: number | undefined,
  ): Promise<Page & { AttachedPolicies?: AttachedPolicy[] }>;
}

const API: { [Kind in PolicyHolderKind]: AttachApi<Nouns[Kind]> } = {
  user: {
    noun: "User",
    attach: (iam, UserName, PolicyArn) => iam.attachUserPolicy({ UserName, PolicyArn }),
    detach: (iam, UserName, PolicyArn) => iam.detachUserPolicy({ UserName, PolicyArn }),
    list: (iam, UserName, PathPrefix, Marker, MaxItems) => iam.listAttachedUserPolicies({ UserName, PathPrefix, Marker, MaxItems }),
  },
  group: {
    noun: "Group",
    attach: (iam, GroupName, PolicyArn) => iam.attachGroupPolicy({ GroupName, PolicyArn }),
    detach: (iam, GroupName, PolicyArn) => iam.detachGroupPolicy({ GroupName, PolicyArn }),
    list: (iam, GroupName, PathPrefix, Marker, MaxItems) => iam.listAttachedGroupPolicies({ GroupName, PathPrefix, Marker, MaxItems }),
  },
  role: {
    noun: "Role",
    attach: (iam, RoleName, PolicyArn) => iam.attachRolePolicy({ RoleName, PolicyArn }),
    detach: (iam, RoleName, PolicyArn) => iam.detachRolePolicy({ RoleName, PolicyArn }),
    list: (iam, RoleName, PathPrefix, Marker, MaxItems) => iam.listAttachedRolePolicies({ RoleName, PathPrefix, Marker, MaxItems }),
  },
};

type AttachmentCommand = EntityCommand<PolicyHolderKind>;

/** Attaching and detaching are one command but for the action and the words. */
const CHANGES = {
  attach: {
    verb: "Attach",
    summary: (kind: PolicyHolderKind) => `Attach a managed policy to a ${kind}; attaching one that is already attached changes nothing.`,
  },
  detach: {
    verb: "Detach",
    summary: (kind: PolicyHolderKind) => `Detach a managed policy from a ${kind}; the policy itself is kept.`,
  },
} as const;

const policyChangeCommand = (change: keyof typeof CHANGES) => ({ name, kind, entity, example }: AttachmentCommand) => {
  const api = API[kind];
  return defineCommand({
    name,
    summary: CHANGES[change].summary(kind),
    operations: [`${CHANGES[change].verb}${api.noun}Policy` as const],
    options: [entity, policyArn()],
    example,
    async run({ iam }, opts) {
      await api[change](iam, entityOf(entity, opts), opts.policyArn);
      return {};
    },
  });
};

export const attachPolicyCommand = policyChangeCommand("attach");
export const detachPolicyCommand = policyChangeCommand("detach");

export function listAttachedPoliciesCommand({ name, kind, entity, example }: AttachmentCommand) {
  const api = API[kind];
  return defineCommand({
    name,
    summary: `List the ARNs of the managed policies attached to a ${kind}, optionally only those under a path.`,
    operations: [`ListAttached${api.noun}Policies` as const],
    options: [entity, pathPrefix("policies"), maxItems()],
    output: ["one policy ARN per line", "IsTruncated: false"],
    example,
    run: async ({ iam }, opts) => ({
      AttachedPolicies: items(
        (Marker, MaxItems) => api.list(iam, entityOf(entity, opts), opts.pathPrefix, Marker, MaxItems),
        (page) => page.AttachedPolicies,
        opts.maxItems,
      ),
    }),
    render: ({ AttachedPolicies }) => streamedListLines(AttachedPolicies, (p) => p.PolicyArn),
  });
}
