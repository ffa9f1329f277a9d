import { defineCommand } from "../../core/define.js";
import { groupName, maxItems } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { headedLines, streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-grouplistusers",
  summary: "Show a group's ARN followed by the ARNs of its members.",
  operations: ["GetGroup"],
  euare: true,
  positional: "groupName",
  options: [groupName(), maxItems()],
  output: ["group ARN", "one member user ARN per line", "IsTruncated: false"],
  example: "iam-grouplistusers -g Admin",
  async run({ iam }, { groupName, maxItems }) {
    // The group heads the output and comes with the first page (every page repeats it): fetch
    // that page here, and stream the members from it on.
    const first = await iam.getGroup({ GroupName: groupName, MaxItems: maxItems });
    return {
      Group: first.Group!,
      Users: items(
        (Marker, MaxItems) => (Marker === undefined ? Promise.resolve(first) : iam.getGroup({ GroupName: groupName, Marker, MaxItems })),
        (page) => page.Users,
        maxItems,
      ),
    };
  },
  render: ({ Group, Users }) => headedLines([Group.Arn!], streamedListLines(Users, (u) => u.Arn)),
});
