import type { Context } from "../core/context.js";
import { checkPolicyDocument, type PolicyChecks, type PolicyTarget } from "./policy.js";

/** The parsed form of the policyDocument() options. */
export interface PolicySource extends PolicyChecks {
  policyDocumentFile?: string;
  policyContent?: string;
}

/**
 * Reads the document from -f FILE (or stdin) or -o TEXT and checks it, for the entity it is
 * meant for, before anything is sent.
 */
export async function readPolicyDocument(ctx: Context, source: PolicySource, target: Omit<PolicyTarget, keyof PolicyChecks>): Promise<string> {
  const checked = { ...target, lint: source.lint, validate: source.validate };
  if (source.policyContent !== undefined) return checkPolicyDocument(ctx, source.policyContent, "policy given with -o", checked);
  const file = source.policyDocumentFile!;
  const text = await ctx.readText(file, "policy file");
  return checkPolicyDocument(ctx, text, `policy file ${file === "-" ? "(standard input)" : file}`, checked);
}
