import { defineCommand } from "../../core/define.js";
import { loginPassword, onePasswordSource, userName } from "../shared/options.js";
import { loginProfileRequest } from "../../iam/password.js";

export default defineCommand({
  name: "iam-usermodloginprofile",
  summary: "Change the console password of a user that already has one.",
  operations: ["UpdateLoginProfile"],
  euare: true,
  positional: "userName",
  options: [userName(), ...loginPassword()],
  check: onePasswordSource,
  example: "iam-usermodloginprofile -u david --password-file - --password-reset-required",
  async run(ctx, opts) {
    await ctx.iam.updateLoginProfile(await loginProfileRequest(ctx, opts));
    return {};
  },
});
