import { defineCommand } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import { checkTags, path, policyChecks, policyDocument, policyName, simplePolicy, tags, verbose } from "../shared/options.js";
import type { SimplePolicyOptions } from "../../iam/inline-policies.js";
import { generatedPolicy } from "../../iam/policy.js";
import { readPolicyDocument, type PolicySource } from "../../iam/policy-input.js";

/** IAM's limit; the description cannot be changed after creation, so a long one is refused here. */
const MAX_DESCRIPTION = 1000;

/**
 * The -e/-a/-r form of the *addpolicy commands, every part optional here because -f or -o may
 * give the document instead. `-o` already means the document text, so the form has no print flag;
 * --no-lint and --no-validate come with policyDocument().
 */
const shared = new Set(["output", ...policyChecks().map((option) => option.key)]);
const simpleForm = simplePolicy()
  .filter((option) => !shared.has(option.key))
  .map((option) => ({ ...option, required: false, description: `${option.description} (simple form, with -e, -a and -r)` }));

/** Exactly one of -f, -o and the complete -e/-a/-r form. */
function onePolicySource(opts: PolicySource & Partial<SimplePolicyOptions>): string | undefined {
  const simpleParts = [opts.effect, opts.action, opts.resource].filter((part) => part !== undefined).length;
  const sources = [opts.policyDocumentFile !== undefined, opts.policyContent !== undefined, simpleParts > 0].filter(Boolean).length;
  if (sources > 1) return "give the policy one way only: -f FILE, -o TEXT or -e/-a/-r";
  if (sources === 0) return "a policy document is required: -f FILE, -o TEXT or -e EFFECT -a ACTION -r RESOURCE";
  if (simpleParts > 0 && simpleParts < 3) return "the simple policy form needs all of -e EFFECT, -a ACTION and -r RESOURCE";
  return undefined;
}

export default defineCommand({
  name: "iam-policycreate",
  summary: "Create a customer managed policy from a document or from an effect, actions and resources.",
  operations: ["CreatePolicy"],
  options: [
    policyName(),
    ...policyDocument(),
    ...simpleForm,
    // -p is the name here, as in every policy command, so the path has only its long form.
    { ...path("policy"), short: undefined },
    {
      key: "description",
      long: "description",
      metavar: "DESCRIPTION",
      description: `what the policy is for, up to ${MAX_DESCRIPTION} characters; IAM cannot change it later`,
      parse: (raw) => {
        if (raw.length > MAX_DESCRIPTION) throw new UsageError(`description is longer than ${MAX_DESCRIPTION} characters`);
        return raw;
      },
    },
    { ...tags(), description: "a tag for the new policy" },
    verbose("print the new policy's ARN and id"),
  ],
  check: (opts) => onePolicySource(opts) ?? checkTags(opts.tags),
  output: ["[with -v] policy ARN", "[with -v] policy id"],
  example: "iam-policycreate -p ReadReports -f read-reports.json --description 'read the reports bucket' -v",

  async run(ctx, opts) {
    const target = { entity: "managed", name: opts.policyName } as const;
    const PolicyDocument =
      opts.effect !== undefined
        ? await generatedPolicy(ctx, { ...opts, effect: opts.effect, action: opts.action!, resource: opts.resource! }, target)
        : await readPolicyDocument(ctx, opts, target);
    const { Policy } = await ctx.iam.createPolicy({
      PolicyName: opts.policyName,
      Path: opts.path,
      PolicyDocument,
      Description: opts.description,
      Tags: opts.tags,
    });
    return { Policy: Policy! };
  },

  render: ({ Policy }, { verbose }) => (verbose ? [Policy.Arn!, Policy.PolicyId!] : []),
});
