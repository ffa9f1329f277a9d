import { defineCommand } from "../../core/define.js";
import { instanceProfileName, roleName } from "../shared/options.js";

export default defineCommand({
  name: "iam-instanceprofileremoverole",
  summary: "Take a role out of an instance profile; the role itself is kept.",
  operations: ["RemoveRoleFromInstanceProfile"],
  euare: true,
  positional: "instanceProfileName",
  options: [instanceProfileName(), { ...roleName(), description: "the role to take out of the instance profile" }],
  example: "iam-instanceprofileremoverole -s webserver -r webserver",
  async run({ iam }, { instanceProfileName, roleName }) {
    await iam.removeRoleFromInstanceProfile({ InstanceProfileName: instanceProfileName, RoleName: roleName });
    return {};
  },
});
