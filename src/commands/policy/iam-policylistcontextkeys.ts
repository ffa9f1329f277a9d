import { defineCommand } from "../../core/define.js";
import { listLines } from "../../output/print.js";
import { onePolicySubject, readPolicyInputs, simulationInput } from "../shared/simulation-input.js";

export default defineCommand({
  name: "iam-policylistcontextkeys",
  summary: "List the condition keys that policies test, the values a simulation may need: a principal's own, or documents in files.",
  operations: ["GetContextKeysForPrincipalPolicy", "GetContextKeysForCustomPolicy"],
  options: simulationInput(),
  check: onePolicySubject,
  output: ["one context key per line, such as aws:SourceIp", "IsTruncated: false"],
  example: "iam-policylistcontextkeys --principal arn:aws:iam::123456789012:role/deploy",
  async run(ctx, { principal, policyFiles }) {
    const documents = policyFiles && (await readPolicyInputs(ctx, policyFiles));
    const { ContextKeyNames = [] } = documents
      ? await ctx.iam.getContextKeysForCustomPolicy({ PolicyInputList: documents })
      : await ctx.iam.getContextKeysForPrincipalPolicy({ PolicySourceArn: principal });
    return { ContextKeyNames };
  },
  render: ({ ContextKeyNames }) => listLines(ContextKeyNames),
});
