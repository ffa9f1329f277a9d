import { defineCommand } from "../../core/define.js";
import { groupName, path, verbose } from "../shared/options.js";

export default defineCommand({
  name: "iam-groupcreate",
  summary: "Create a group.",
  operations: ["CreateGroup"],
  euare: true,
  positional: "groupName",
  options: [groupName(), path("group"), verbose("print the new group's ARN and id")],
  output: ["[with -v] group ARN", "[with -v] group id"],
  example: "iam-groupcreate -g Admin",
  run: async ({ iam }, { groupName, path }) => ({
    Group: (await iam.createGroup({ GroupName: groupName, Path: path })).Group!,
  }),
  render: ({ Group }, { verbose }) => (verbose ? [Group.Arn!, Group.GroupId!] : []),
});
