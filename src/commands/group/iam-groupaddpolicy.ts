import { defineCommand } from "../../core/define.js";
import { groupName, policyName, simplePolicy } from "../shared/options.js";
import {
  putSimplePolicy,
  renderGeneratedPolicy,
  type GeneratedPolicy,
  type SimplePolicyOptions,
} from "../../iam/inline-policies.js";

export default defineCommand<{ groupName: string; policyName: string } & SimplePolicyOptions, GeneratedPolicy>({
  name: "iam-groupaddpolicy",
  summary: "Give a group an inline policy with one statement built from an effect, actions and resources.",
  operations: ["PutGroupPolicy"],
  euare: true,
  positional: "groupName",
  options: [groupName(), policyName(), ...simplePolicy()],
  output: ["[with -o] the generated policy, as one line of JSON"],
  example: "iam-groupaddpolicy -g Admin -p AdminAll -e Allow -a '*' -r '*' -o",
  run: (ctx, opts) =>
    putSimplePolicy(ctx, opts, { entity: "group", name: opts.groupName }, (PolicyDocument) =>
      ctx.iam.putGroupPolicy({ GroupName: opts.groupName, PolicyName: opts.policyName, PolicyDocument }),
    ),
  render: renderGeneratedPolicy,
});
