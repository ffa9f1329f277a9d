import type { Group } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { collect } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { listLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { Groups: Group[] }>({
  name: "iam-grouplistbypath",
  summary: "List the ARNs of the groups in the account, optionally only those under a path.",
  operations: ["ListGroups"],
  euare: true,
  options: [pathPrefix("groups")],
  output: ["one group ARN per line", "IsTruncated: false"],
  example: "iam-grouplistbypath -p /staff/",
  async run({ iam }, { pathPrefix = "/" }) {
    const groups = await collect((Marker) => iam.listGroups({ PathPrefix: pathPrefix, Marker }), (page) => page.Groups);
    return { Groups: underPath(groups, pathPrefix) };
  },
  render: ({ Groups }) => listLines(Groups.map((g) => g.Arn)),
});
