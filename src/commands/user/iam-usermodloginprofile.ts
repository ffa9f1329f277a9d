import { loginProfileCommand } from "../shared/request-families.js";

export default loginProfileCommand({
  name: "iam-usermodloginprofile",
  summary: "Change the console password of a user that already has one.",
  operation: "UpdateLoginProfile",
  example: "iam-usermodloginprofile -u david --password-file - --password-reset-required",
});
