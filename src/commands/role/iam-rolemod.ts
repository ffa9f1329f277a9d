import { defineCommand } from "../../core/define.js";
import { integerInRange, roleDescription, roleName } from "../shared/options.js";

/** IAM's bounds on a role's maximum session: one hour to twelve. */
const SESSION_SECONDS = { min: 3600, max: 43_200 };

export default defineCommand({
  name: "iam-rolemod",
  summary: "Change a role's description or the longest session its credentials may last.",
  operations: ["UpdateRole"],
  positional: "roleName",
  options: [
    roleName(),
    roleDescription("the role's new description, up to 1,000 characters"),
    {
      key: "maxSessionDuration",
      long: "max-session-duration",
      metavar: "SECONDS",
      description: `how long a session may last, ${SESSION_SECONDS.min} (one hour, the default) to ${SESSION_SECONDS.max} (twelve hours)`,
      parse: integerInRange("--max-session-duration", SESSION_SECONDS.min, SESSION_SECONDS.max),
    },
  ],
  check: ({ description, maxSessionDuration }) =>
    description === undefined && maxSessionDuration === undefined
      ? "nothing to change: give --description, --max-session-duration or both"
      : undefined,
  example: "iam-rolemod -r deploy --description 'GitHub Actions deploys' --max-session-duration 7200",
  async run({ iam }, { roleName, description, maxSessionDuration }) {
    await iam.updateRole({ RoleName: roleName, Description: description, MaxSessionDuration: maxSessionDuration });
    return {};
  },
});
