import { defineCommand } from "../../core/define.js";
import { policyArn, maxItems } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-policylistversions",
  summary: "List the version ids of a managed policy, marking the default one.",
  operations: ["ListPolicyVersions"],
  options: [policyArn(), maxItems()],
  output: ["per version: its id, followed by \" default\" for the version in force", "IsTruncated: false"],
  example: "iam-policylistversions -a arn:aws:iam::123456789012:policy/ReadReports",
  run: async ({ iam }, { policyArn, maxItems }) => ({
    Versions: items((Marker, MaxItems) => iam.listPolicyVersions({ PolicyArn: policyArn, Marker, MaxItems }), (page) => page.Versions, maxItems),
  }),
  render: ({ Versions }) => streamedListLines(Versions, (v) => (v.IsDefaultVersion ? `${v.VersionId} default` : v.VersionId)),
});
