import type { Group, User } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { groupName } from "../../cli/options.js";
import { collect } from "../../iam/paginate.js";
import { listLines } from "../../output/print.js";

export default defineCommand<{ groupName: string }, { Group: Group; Users: User[] }>({
  name: "iam-grouplistusers",
  summary: "Show a group's ARN followed by the ARNs of its members.",
  operations: ["GetGroup"],
  euare: true,
  positional: "groupName",
  options: [groupName()],
  output: ["group ARN", "one member user ARN per line", "IsTruncated: false"],
  example: "iam-grouplistusers -g Admin",
  async run({ iam }, { groupName }) {
    let group: Group | undefined;
    const users = await collect(
      async (Marker) => {
        const page = await iam.getGroup({ GroupName: groupName, Marker });
        // Every page repeats the group; the first one is as current as any.
        group ??= page.Group;
        return page;
      },
      (page) => page.Users,
    );
    return { Group: group!, Users: users };
  },
  render: ({ Group, Users }) => [Group.Arn!, ...listLines(Users.map((u) => u.Arn))],
});
