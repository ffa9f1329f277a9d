import { defineCommand } from "../../core/define.js";
import { groupName, policyName } from "../shared/options.js";

export default defineCommand<{ groupName: string; policyName: string }>({
  name: "iam-groupdelpolicy",
  summary: "Remove one of a group's inline policies.",
  operations: ["DeleteGroupPolicy"],
  euare: true,
  positional: "groupName",
  options: [groupName(), policyName()],
  example: "iam-groupdelpolicy -g Admin -p AdminGroupPolicy",
  async run({ iam }, { groupName, policyName }) {
    await iam.deleteGroupPolicy({ GroupName: groupName, PolicyName: policyName });
    return {};
  },
});
