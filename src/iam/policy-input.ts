import type { Context } from "../cli/context.js";
import { checkPolicyDocument } from "./policy.js";

/** The parsed form of the policyDocument() options. */
export interface PolicySource {
  policyDocumentFile?: string;
  policyContent?: string;
}

/** Reads the document from -f FILE (or stdin) or -o TEXT and checks it before anything is sent. */
export async function readPolicyDocument(ctx: Context, source: PolicySource): Promise<string> {
  if (source.policyContent !== undefined) return checkPolicyDocument(source.policyContent, "policy given with -o");
  const file = source.policyDocumentFile!;
  const text = await ctx.readText(file, "policy file");
  return checkPolicyDocument(text, `policy file ${file === "-" ? "(standard input)" : file}`);
}
