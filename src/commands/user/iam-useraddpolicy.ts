import { defineCommand } from "../../core/define.js";
import { policyName, simplePolicy, userName } from "../shared/options.js";
import {
  putSimplePolicy,
  renderGeneratedPolicy,
  type GeneratedPolicy,
  type SimplePolicyOptions,
} from "../../iam/inline-policies.js";

export default defineCommand<{ userName: string; policyName: string } & SimplePolicyOptions, GeneratedPolicy>({
  name: "iam-useraddpolicy",
  summary: "Give a user an inline policy with one statement built from an effect, actions and resources.",
  operations: ["PutUserPolicy"],
  euare: true,
  positional: "userName",
  options: [userName(), policyName(), ...simplePolicy()],
  output: ["[with -o] the generated policy, as one line of JSON"],
  example: "iam-useraddpolicy -u david -p S3Everything -e Allow -a 's3:*' -r 'arn:aws:s3:::*' -o",
  run: (ctx, opts) =>
    putSimplePolicy(ctx, opts, { entity: "user", name: opts.userName }, (PolicyDocument) =>
      ctx.iam.putUserPolicy({ UserName: opts.userName, PolicyName: opts.policyName, PolicyDocument }),
    ),
  render: renderGeneratedPolicy,
});
