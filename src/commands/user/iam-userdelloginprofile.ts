import { defineCommand } from "../../core/define.js";
import { userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-userdelloginprofile",
  summary: "Remove a user's console password, so the user can no longer sign in to the console.",
  operations: ["DeleteLoginProfile"],
  euare: true,
  positional: "userName",
  options: [userName()],
  example: "iam-userdelloginprofile -u david",
  async run({ iam }, { userName }) {
    await iam.deleteLoginProfile({ UserName: userName });
    return {};
  },
});
