import { defineCommand } from "../../core/define.js";
import { exactlyOnePolicySource, policyDocument, policyName, roleName } from "../shared/options.js";
import { readPolicyDocument, type PolicySource } from "../../iam/policy-input.js";

export default defineCommand<{ roleName: string; policyName: string } & PolicySource>({
  name: "iam-roleuploadpolicy",
  summary: "Give a role an inline policy written by hand, replacing any policy of the same name.",
  operations: ["PutRolePolicy"],
  euare: true,
  positional: "roleName",
  options: [roleName(), policyName(), ...policyDocument()],
  check: exactlyOnePolicySource,
  example: "iam-roleuploadpolicy -r webserver -p ReadLogs -f read-logs.json",
  async run(ctx, opts) {
    const PolicyDocument = await readPolicyDocument(ctx, opts, { entity: "role", name: opts.roleName });
    await ctx.iam.putRolePolicy({ RoleName: opts.roleName, PolicyName: opts.policyName, PolicyDocument });
    return {};
  },
});
