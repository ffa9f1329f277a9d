import { defineCommand } from "../../core/define.js";
import { checkTags, path, permissionsBoundary, roleName, tags, verbose } from "../shared/options.js";
import { exactlyOneTrustSource, readTrustPolicy, roleLines, trustPolicySource, withDecodedTrustPolicy } from "../shared/trust-policy.js";
import { checkReferences, existingPolicy } from "../../iam/references.js";

export default defineCommand({
  name: "iam-rolecreate",
  summary: "Create a role that a service, or whoever its trust policy names, can assume.",
  operations: ["GetPolicy", "CreateRole", "ListOpenIDConnectProviders", "ListSAMLProviders"],
  euare: true,
  positional: "roleName",
  options: [
    roleName(),
    path("role"),
    ...trustPolicySource(),
    verbose("print the new role's ARN, id and trust policy"),
    tags(),
    permissionsBoundary(),
  ],
  check: (opts) => exactlyOneTrustSource(opts) ?? checkTags(opts.tags),
  output: ["[with -v] role ARN", "[with -v] role id", "[with -v] the trust policy, line for line as stored"],
  example: "iam-rolecreate -r webserver -p / -s ec2.amazonaws.com -v",
  async run(ctx, { roleName, path, tags, permissionsBoundary, ...source }) {
    const AssumeRolePolicyDocument = await readTrustPolicy(ctx, source, roleName);
    await checkReferences(ctx, permissionsBoundary ? [existingPolicy(permissionsBoundary)] : []);
    const { Role } = await ctx.iam.createRole({
      RoleName: roleName,
      Path: path,
      AssumeRolePolicyDocument,
      Tags: tags,
      PermissionsBoundary: permissionsBoundary,
    });
    return { Role: withDecodedTrustPolicy(Role!) };
  },
  render: ({ Role }, { verbose }) => (verbose ? roleLines(Role) : []),
});
