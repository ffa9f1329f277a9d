import { defineCommand } from "../../core/define.js";
import { roleName } from "../shared/options.js";

export default defineCommand({
  name: "iam-roledelpermissionsboundary",
  summary: "Remove a role's permissions boundary; the boundary policy itself is kept.",
  operations: ["DeleteRolePermissionsBoundary"],
  options: [roleName()],
  example: "iam-roledelpermissionsboundary -r webserver",
  async run({ iam }, { roleName }) {
    await iam.deleteRolePermissionsBoundary({ RoleName: roleName });
    return {};
  },
});
