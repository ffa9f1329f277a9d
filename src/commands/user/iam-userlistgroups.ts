import { defineCommand } from "../../core/define.js";
import { userName, maxItems } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-userlistgroups",
  summary: "List the ARNs of the groups a user belongs to.",
  operations: ["ListGroupsForUser"],
  euare: true,
  positional: "userName",
  options: [userName(), maxItems()],
  output: ["one group ARN per line", "IsTruncated: false"],
  example: "iam-userlistgroups -u david",
  run: async ({ iam }, { userName, maxItems }) => ({
    Groups: items((Marker, MaxItems) => iam.listGroupsForUser({ UserName: userName, Marker, MaxItems }), (page) => page.Groups, maxItems),
  }),
  render: ({ Groups }) => streamedListLines(Groups, (g) => g.Arn),
});
