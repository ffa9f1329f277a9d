import { defineCommand } from "../../core/define.js";
import { exactlyOnePolicySource, policyArn, policyDocument } from "../shared/options.js";
import { readPolicyDocument } from "../../iam/policy-input.js";

export default defineCommand({
  name: "iam-policycreateversion",
  summary: "Store a new version of a managed policy's document, optionally making it the one in force.",
  operations: ["CreatePolicyVersion"],
  options: [
    policyArn(),
    ...policyDocument(),
    { key: "setAsDefault", long: "set-as-default", description: "make the new version the default, the one IAM enforces" },
  ],
  check: exactlyOnePolicySource,
  output: ["the new version id"],
  example: "iam-policycreateversion -a arn:aws:iam::123456789012:policy/ReadReports -f read-reports.json --set-as-default",
  async run(ctx, opts) {
    // The policy's name is the ARN's last segment, after its path.
    const PolicyDocument = await readPolicyDocument(ctx, opts, { entity: "managed", name: opts.policyArn.split("/").pop() });
    const { PolicyVersion } = await ctx.iam.createPolicyVersion({
      PolicyArn: opts.policyArn,
      PolicyDocument,
      SetAsDefault: opts.setAsDefault,
    });
    return { PolicyVersion: PolicyVersion! };
  },
  render: ({ PolicyVersion }) => [PolicyVersion.VersionId!],
});
