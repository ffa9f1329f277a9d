import type { PolicyVersion } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { policyArn } from "../../cli/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ policyArn: string }, { Versions: AsyncIterable<PolicyVersion> }>({
  name: "iam-policylistversions",
  summary: "List the version ids of a managed policy, marking the default one.",
  operations: ["ListPolicyVersions"],
  options: [policyArn()],
  output: ["per version: its id, followed by \" default\" for the version in force", "IsTruncated: false"],
  example: "iam-policylistversions -a arn:aws:iam::123456789012:policy/ReadReports",
  run: async ({ iam }, { policyArn }) => ({
    Versions: items((Marker) => iam.listPolicyVersions({ PolicyArn: policyArn, Marker }), (page) => page.Versions),
  }),
  render: ({ Versions }) => streamedListLines(Versions, (v) => (v.IsDefaultVersion ? `${v.VersionId} default` : v.VersionId)),
});
