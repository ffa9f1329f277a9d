import { defineCommand } from "../../core/define.js";
import { permissionsBoundary, roleName } from "../shared/options.js";

export default defineCommand({
  name: "iam-rolesetpermissionsboundary",
  summary: "Set or replace the managed policy that caps what a role's own policies can allow.",
  operations: ["PutRolePermissionsBoundary"],
  options: [
    roleName(),
    {
      ...permissionsBoundary("b"),
      description: "ARN of the managed policy that sets the most permissions the role can have",
      required: true,
    },
  ],
  example: "iam-rolesetpermissionsboundary -r webserver -b arn:aws:iam::123456789012:policy/app-boundary",
  async run({ iam }, { roleName, permissionsBoundary }) {
    await iam.putRolePermissionsBoundary({ RoleName: roleName, PermissionsBoundary: permissionsBoundary });
    return {};
  },
});
