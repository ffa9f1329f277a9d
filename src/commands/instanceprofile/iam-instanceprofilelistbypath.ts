import type { InstanceProfile } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { pathPrefix, maxItems } from "../shared/options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string; maxItems?: number }, { InstanceProfiles: AsyncIterable<InstanceProfile> }>({
  name: "iam-instanceprofilelistbypath",
  summary: "List the ARNs of the account's instance profiles, optionally only those under a path.",
  operations: ["ListInstanceProfiles"],
  euare: true,
  options: [pathPrefix("instance profiles"), maxItems({ accountWide: true })],
  output: ["one instance profile ARN per line", "IsTruncated: false"],
  example: "iam-instanceprofilelistbypath -p /web/",
  run: async ({ iam }, { pathPrefix = "/", maxItems }) => ({
    InstanceProfiles: items(
      (Marker, MaxItems) => iam.listInstanceProfiles({ PathPrefix: pathPrefix, Marker, MaxItems }),
      (page) => underPath(page.InstanceProfiles ?? [], pathPrefix),
      maxItems ?? ACCOUNT_WIDE_PAGE_SIZE,
    ),
  }),
  render: ({ InstanceProfiles }) => streamedListLines(InstanceProfiles, (p) => p.Arn),
});
