import { defineCommand } from "../../core/define.js";
import { instanceProfileName, roleName } from "../shared/options.js";

export default defineCommand({
  name: "iam-instanceprofileaddrole",
  summary: "Put a role into an instance profile, so that instances launched with the profile can use it.",
  operations: ["AddRoleToInstanceProfile"],
  euare: true,
  positional: "instanceProfileName",
  options: [instanceProfileName(), { ...roleName(), description: "the role to put into the instance profile" }],
  example: "iam-instanceprofileaddrole -s webserver -r webserver",
  async run({ iam }, { instanceProfileName, roleName }) {
    await iam.addRoleToInstanceProfile({ InstanceProfileName: instanceProfileName, RoleName: roleName });
    return {};
  },
});
