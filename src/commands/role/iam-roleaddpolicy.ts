import { defineCommand } from "../../core/define.js";
import { policyName, roleName, simplePolicy } from "../shared/options.js";
import {
  putSimplePolicy,
  renderGeneratedPolicy,
  type GeneratedPolicy,
  type SimplePolicyOptions,
} from "../../iam/inline-policies.js";

export default defineCommand<{ roleName: string; policyName: string } & SimplePolicyOptions, GeneratedPolicy>({
  name: "iam-roleaddpolicy",
  summary: "Give a role an inline policy with one statement built from an effect, actions and resources.",
  operations: ["PutRolePolicy"],
  euare: true,
  positional: "roleName",
  // The resource is -c: -r is the role's name.
  options: [roleName(), policyName(), ...simplePolicy("c")],
  output: ["[with -o] the generated policy, as one line of JSON"],
  example: "iam-roleaddpolicy -r webserver -p ReadLogs -e Allow -a 's3:GetObject' -c 'arn:aws:s3:::logs/*' -o",
  run: (ctx, opts) =>
    putSimplePolicy(ctx, opts, { entity: "role", name: opts.roleName }, (PolicyDocument) =>
      ctx.iam.putRolePolicy({ RoleName: opts.roleName, PolicyName: opts.policyName, PolicyDocument }),
    ),
  render: renderGeneratedPolicy,
});
