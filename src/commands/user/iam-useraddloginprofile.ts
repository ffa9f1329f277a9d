import { defineCommand } from "../../core/define.js";
import { loginPassword, onePasswordSource, userName } from "../shared/options.js";
import { loginProfileRequest } from "../../iam/password.js";

export default defineCommand({
  name: "iam-useraddloginprofile",
  summary: "Give a user a password for the AWS Management Console.",
  operations: ["CreateLoginProfile"],
  euare: true,
  positional: "userName",
  options: [userName(), ...loginPassword()],
  check: onePasswordSource,
  example: "iam-useraddloginprofile -u david --password-file david.pw --password-reset-required",
  async run(ctx, opts) {
    await ctx.iam.createLoginProfile(await loginProfileRequest(ctx, opts));
    return {};
  },
});
