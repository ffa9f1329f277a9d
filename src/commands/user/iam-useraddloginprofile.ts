import { loginProfileCommand } from "../shared/request-families.js";

export default loginProfileCommand({
  name: "iam-useraddloginprofile",
  summary: "Give a user a password for the AWS Management Console.",
  operation: "CreateLoginProfile",
  example: "iam-useraddloginprofile -u david --password-file david.pw --password-reset-required",
});
