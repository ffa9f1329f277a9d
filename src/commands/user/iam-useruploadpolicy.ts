import { defineCommand } from "../../core/define.js";
import { exactlyOnePolicySource, policyDocument, policyName, userName } from "../shared/options.js";
import { readPolicyDocument, type PolicySource } from "../../iam/policy-input.js";

export default defineCommand<{ userName: string; policyName: string } & PolicySource>({
  name: "iam-useruploadpolicy",
  summary: "Give a user an inline policy written by hand, replacing any policy of the same name.",
  operations: ["PutUserPolicy"],
  euare: true,
  positional: "userName",
  options: [userName(), policyName(), ...policyDocument()],
  check: exactlyOnePolicySource,
  example: "iam-useruploadpolicy -u david -p ReadReports -f read-reports.json",
  async run(ctx, opts) {
    const PolicyDocument = await readPolicyDocument(ctx, opts, { entity: "user", name: opts.userName });
    await ctx.iam.putUserPolicy({ UserName: opts.userName, PolicyName: opts.policyName, PolicyDocument });
    return {};
  },
});
