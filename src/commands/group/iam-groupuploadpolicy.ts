import { defineCommand } from "../../core/define.js";
import { exactlyOnePolicySource, groupName, policyDocument, policyName } from "../shared/options.js";
import { readPolicyDocument, type PolicySource } from "../../iam/policy-input.js";

export default defineCommand<{ groupName: string; policyName: string } & PolicySource>({
  name: "iam-groupuploadpolicy",
  summary: "Attach an inline policy document to a group, replacing a policy of the same name.",
  operations: ["PutGroupPolicy"],
  euare: true,
  positional: "groupName",
  options: [groupName(), policyName(), ...policyDocument()],
  check: exactlyOnePolicySource,
  example: "iam-groupuploadpolicy -g Admin -p AdminGroupPolicy -f AdminGroupPolicy.json",
  async run(ctx, opts) {
    const PolicyDocument = await readPolicyDocument(ctx, opts, { entity: "group", name: opts.groupName });
    await ctx.iam.putGroupPolicy({ GroupName: opts.groupName, PolicyName: opts.policyName, PolicyDocument });
    return {};
  },
});
