import type { Context } from "../core/context.js";
import { decodePolicy, listLines } from "../output/print.js";
import { collect, type FetchPage, type Page } from "./paginate.js";
import { generatedPolicy, type PolicyChecks, type PolicyTarget } from "./policy.js";

/**
 * What the user, group (and role) inline-policy commands have in common. Each command passes in
 * its entity's own Put/Get/List call, so the shape of the work and of the output lives here once.
 */

/** The parsed simplePolicy() options. */
export interface SimplePolicyOptions extends PolicyChecks {
  effect: string;
  action: string[];
  resource: string[];
  output?: boolean;
}

/** An `*addpolicy` result: the document it generated and sent. */
export interface GeneratedPolicy {
  PolicyDocument: string;
}

/** Builds the -e/-a/-r policy, checks it for its entity and stores it with the entity's Put*Policy call. */
export async function putSimplePolicy(
  ctx: Context,
  options: SimplePolicyOptions,
  target: Omit<PolicyTarget, keyof PolicyChecks>,
  put: (policyDocument: string) => Promise<unknown>,
): Promise<GeneratedPolicy> {
  const PolicyDocument = await generatedPolicy(ctx, options, target);
  await put(PolicyDocument);
  return { PolicyDocument };
}

/** `-o` asks to see the generated policy; without it the command is silent like every change. */
export function renderGeneratedPolicy({ PolicyDocument }: GeneratedPolicy, { output }: { output?: boolean }): string[] {
  return output ? [PolicyDocument] : [];
}

/**
 * A Get*Policy result with its document URL-decoded, so that --json shows the policy as written
 * rather than IAM's transport encoding.
 */
export function withDecodedDocument<T extends { PolicyDocument?: string }>(result: T): T & { PolicyDocument: string } {
  return { ...result, PolicyDocument: decodePolicy(result.PolicyDocument) };
}

/**
 * A document's own lines. The output adds the final newline, so a document stored with one
 * (as files usually are) prints byte for byte as stored, without a blank line after it.
 */
export function documentLines(document: string): string[] {
  return document.replace(/\n$/, "").split("\n");
}

export interface InlinePolicy {
  PolicyName: string;
  PolicyDocument: string;
}

export interface InlinePolicyList {
  PolicyNames: string[];
  /** Present with -v: every policy with its decoded document, in PolicyNames order. */
  Policies?: InlinePolicy[];
}

/**
 * Collects an entity's inline policy names over every List*Policies page (of `maxItems`, for -i);
 * given the entity's Get*Policy call (for -v), also fetches each document.
 */
export async function listInlinePolicies(
  listPage: FetchPage<Page & { PolicyNames?: string[] }>,
  getPolicy?: (policyName: string) => Promise<{ PolicyDocument?: string }>,
  maxItems?: number,
): Promise<InlinePolicyList> {
  const PolicyNames = await collect(listPage, (page) => page.PolicyNames, maxItems);
  if (!getPolicy) return { PolicyNames };
  const Policies: InlinePolicy[] = [];
  // One at a time: an entity has few inline policies, and a burst of Get calls invites throttling.
  for (const PolicyName of PolicyNames) {
    Policies.push({ PolicyName, PolicyDocument: decodePolicy((await getPolicy(PolicyName)).PolicyDocument) });
  }
  return { PolicyNames, Policies };
}

/** Names one per line; with -v each name is followed by its document; then the list trailer. */
export function renderInlinePolicyList({ PolicyNames, Policies }: InlinePolicyList): string[] {
  return listLines(
    Policies ? Policies.flatMap(({ PolicyName, PolicyDocument }) => [PolicyName, ...documentLines(PolicyDocument)]) : PolicyNames,
  );
}
