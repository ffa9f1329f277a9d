import { defineCommand } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import { readPassword, readPasswordFile } from "../../iam/password.js";

export default defineCommand({
  name: "iam-userchangepassword",
  summary: "Change the console password of the user whose credentials are in use, as the user does at sign-in.",
  operations: ["ChangePassword"],
  options: [
    {
      key: "oldPasswordFile",
      long: "old-password-file",
      metavar: "OLDPASSWORDFILE",
      description: "file holding the current password, one trailing newline ignored (- reads standard input); without it the command asks on the terminal",
    },
    {
      key: "passwordFile",
      long: "password-file",
      metavar: "PASSWORDFILE",
      description: "file holding the new password, one trailing newline ignored (- reads standard input); without it the command asks twice on the terminal",
    },
  ],
  check: ({ oldPasswordFile, passwordFile }) =>
    oldPasswordFile === "-" && passwordFile === "-" ? "standard input holds one password: give the other in a file or on the terminal" : undefined,
  example: "iam-userchangepassword --old-password-file old.pw --password-file new.pw",
  async run(ctx, { oldPasswordFile, passwordFile }) {
    const OldPassword = oldPasswordFile !== undefined ? await readPasswordFile(ctx, oldPasswordFile) : await ctx.promptSecret("Current password: ");
    if (OldPassword === undefined) throw new UsageError("the current password is required: use --old-password-file or run on a terminal");
    const NewPassword = await readPassword(ctx, { passwordFile }, "your user");
    await ctx.iam.changePassword({ OldPassword, NewPassword });
    return {};
  },
});
