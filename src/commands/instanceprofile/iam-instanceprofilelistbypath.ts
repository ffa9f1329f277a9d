import type { InstanceProfile } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { items } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { InstanceProfiles: AsyncIterable<InstanceProfile> }>({
  name: "iam-instanceprofilelistbypath",
  summary: "List the ARNs of the account's instance profiles, optionally only those under a path.",
  operations: ["ListInstanceProfiles"],
  euare: true,
  options: [pathPrefix("instance profiles")],
  output: ["one instance profile ARN per line", "IsTruncated: false"],
  example: "iam-instanceprofilelistbypath -p /web/",
  run: async ({ iam }, { pathPrefix = "/" }) => ({
    InstanceProfiles: items(
      (Marker) => iam.listInstanceProfiles({ PathPrefix: pathPrefix, Marker }),
      (page) => underPath(page.InstanceProfiles ?? [], pathPrefix),
    ),
  }),
  render: ({ InstanceProfiles }) => streamedListLines(InstanceProfiles, (p) => p.Arn),
});
