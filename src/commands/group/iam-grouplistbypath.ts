import type { Group } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { pathPrefix, maxItems } from "../shared/options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string; maxItems?: number }, { Groups: AsyncIterable<Group> }>({
  name: "iam-grouplistbypath",
  summary: "List the ARNs of the groups in the account, optionally only those under a path.",
  operations: ["ListGroups"],
  euare: true,
  options: [pathPrefix("groups"), maxItems({ accountWide: true })],
  output: ["one group ARN per line", "IsTruncated: false"],
  example: "iam-grouplistbypath -p /staff/",
  run: async ({ iam }, { pathPrefix = "/", maxItems }) => ({
    Groups: items(
      (Marker, MaxItems) => iam.listGroups({ PathPrefix: pathPrefix, Marker, MaxItems }),
      (page) => underPath(page.Groups ?? [], pathPrefix),
      maxItems ?? ACCOUNT_WIDE_PAGE_SIZE,
    ),
  }),
  render: ({ Groups }) => streamedListLines(Groups, (g) => g.Arn),
});
