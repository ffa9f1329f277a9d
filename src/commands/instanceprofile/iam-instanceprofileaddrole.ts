import { instanceProfileRoleCommand } from "../shared/request-families.js";

export default instanceProfileRoleCommand({
  name: "iam-instanceprofileaddrole",
  summary: "Put a role into an instance profile, so that instances launched with the profile can use it.",
  operation: "AddRoleToInstanceProfile",
  describe: { roleName: "the role to put into the instance profile" },
  example: "iam-instanceprofileaddrole -s webserver -r webserver",
});
