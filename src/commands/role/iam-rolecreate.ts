import type { Role } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { checkTags, path, permissionsBoundary, roleName, tags, verbose } from "../shared/options.js";
import {
  exactlyOneTrustSource,
  readTrustPolicy,
  roleLines,
  trustPolicySource,
  withDecodedTrustPolicy,
  type TrustPolicySource,
} from "../shared/trust-policy.js";

interface Options extends TrustPolicySource {
  roleName: string;
  path?: string;
  verbose?: boolean;
  tags?: { Key: string; Value: string }[];
  permissionsBoundary?: string;
}

export default defineCommand<Options, { Role: Role & { AssumeRolePolicyDocument: string } }>({
  name: "iam-rolecreate",
  summary: "Create a role that a service, or whoever its trust policy names, can assume.",
  operations: ["CreateRole", "ListOpenIDConnectProviders", "ListSAMLProviders"],
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
