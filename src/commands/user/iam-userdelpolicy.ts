import { defineCommand } from "../../core/define.js";
import { policyName, userName } from "../shared/options.js";

export default defineCommand<{ userName: string; policyName: string }>({
  name: "iam-userdelpolicy",
  summary: "Remove one of a user's inline policies.",
  operations: ["DeleteUserPolicy"],
  euare: true,
  positional: "userName",
  options: [userName(), policyName()],
  example: "iam-userdelpolicy -u david -p ReadReports",
  async run({ iam }, { userName, policyName }) {
    await iam.deleteUserPolicy({ UserName: userName, PolicyName: policyName });
    return {};
  },
});
