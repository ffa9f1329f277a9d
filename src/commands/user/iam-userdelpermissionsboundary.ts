import { defineCommand } from "../../core/define.js";
import { userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-userdelpermissionsboundary",
  summary: "Remove a user's permissions boundary; the boundary policy itself is kept.",
  operations: ["DeleteUserPermissionsBoundary"],
  options: [userName()],
  example: "iam-userdelpermissionsboundary -u david",
  async run({ iam }, { userName }) {
    await iam.deleteUserPermissionsBoundary({ UserName: userName });
    return {};
  },
});
