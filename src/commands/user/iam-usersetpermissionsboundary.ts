import { defineCommand } from "../../core/define.js";
import { permissionsBoundary, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-usersetpermissionsboundary",
  summary: "Set or replace the managed policy that caps what a user's own policies can allow.",
  operations: ["PutUserPermissionsBoundary"],
  options: [
    userName(),
    {
      ...permissionsBoundary("b"),
      description: "ARN of the managed policy that sets the most permissions the user can have",
      required: true,
    },
  ],
  example: "iam-usersetpermissionsboundary -u david -b arn:aws:iam::123456789012:policy/dev-boundary",
  async run({ iam }, { userName, permissionsBoundary }) {
    await iam.putUserPermissionsBoundary({ UserName: userName, PermissionsBoundary: permissionsBoundary });
    return {};
  },
});
