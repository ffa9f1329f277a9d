import { defineCommand } from "../../core/define.js";
import { userName, verbose } from "../shared/options.js";
import { keyValueLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-usergetloginprofile",
  summary: "Say whether a user has a console password; a user without one is an error.",
  operations: ["GetLoginProfile"],
  euare: true,
  positional: "userName",
  options: [userName(), verbose("also print when the password was set and whether it must be changed")],
  output: ["Login Profile Exists for User <name>", "[with -v] CreateDate: <date>", "[with -v] PasswordResetRequired: <true|false>"],
  example: "iam-usergetloginprofile -u david -v",
  run: async ({ iam }, { userName }) => ({ LoginProfile: (await iam.getLoginProfile({ UserName: userName })).LoginProfile! }),
  render: ({ LoginProfile }, opts) => [
    `Login Profile Exists for User ${LoginProfile.UserName ?? opts.userName}`,
    ...(opts.verbose
      ? keyValueLines([
          ["CreateDate", LoginProfile.CreateDate],
          // The flag may be left out of the answer; absent means no reset is pending.
          ["PasswordResetRequired", LoginProfile.PasswordResetRequired ?? false],
        ])
      : []),
  ],
});
