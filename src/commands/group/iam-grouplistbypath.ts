import type { Group } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { items } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { Groups: AsyncIterable<Group> }>({
  name: "iam-grouplistbypath",
  summary: "List the ARNs of the groups in the account, optionally only those under a path.",
  operations: ["ListGroups"],
  euare: true,
  options: [pathPrefix("groups")],
  output: ["one group ARN per line", "IsTruncated: false"],
  example: "iam-grouplistbypath -p /staff/",
  run: async ({ iam }, { pathPrefix = "/" }) => ({
    Groups: items(
      (Marker) => iam.listGroups({ PathPrefix: pathPrefix, Marker }),
      (page) => underPath(page.Groups ?? [], pathPrefix),
    ),
  }),
  render: ({ Groups }) => streamedListLines(Groups, (g) => g.Arn),
});
