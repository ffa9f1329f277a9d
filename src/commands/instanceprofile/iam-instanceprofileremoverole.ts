import { instanceProfileRoleCommand } from "../shared/request-families.js";

export default instanceProfileRoleCommand({
  name: "iam-instanceprofileremoverole",
  summary: "Take a role out of an instance profile; the role itself is kept.",
  operation: "RemoveRoleFromInstanceProfile",
  describe: { roleName: "the role to take out of the instance profile" },
  example: "iam-instanceprofileremoverole -s webserver -r webserver",
});
