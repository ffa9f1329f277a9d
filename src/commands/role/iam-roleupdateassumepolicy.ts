import { defineCommand } from "../../core/define.js";
import { roleName } from "../shared/options.js";
import { documentLines } from "../../iam/inline-policies.js";
import { exactlyOneTrustSource, readTrustPolicy, trustPolicySource } from "../shared/trust-policy.js";

export default defineCommand({
  name: "iam-roleupdateassumepolicy",
  summary: "Replace a role's trust policy, the document that says who may assume the role.",
  operations: ["UpdateAssumeRolePolicy", "ListOpenIDConnectProviders", "ListSAMLProviders"],
  euare: true,
  positional: "roleName",
  options: [
    roleName(),
    ...trustPolicySource(),
    { key: "output", short: "o", long: "output", description: "also print the trust policy that was sent" },
  ],
  check: exactlyOneTrustSource,
  output: ["[with -o] the trust policy sent, line for line"],
  example: "iam-roleupdateassumepolicy -r webserver -s ec2.amazonaws.com -o",
  async run(ctx, { roleName, ...source }) {
    const PolicyDocument = await readTrustPolicy(ctx, source, roleName);
    await ctx.iam.updateAssumeRolePolicy({ RoleName: roleName, PolicyDocument });
    return { PolicyDocument };
  },
  render: ({ PolicyDocument }, { output }) => (output ? documentLines(PolicyDocument) : []),
});
