import { defineCommand } from "../../core/define.js";
import { instanceProfileName, pretend, recursive } from "../shared/options.js";
import { runTasks } from "../../iam/tasks.js";
import { sectionLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-instanceprofiledel",
  summary: "Delete an instance profile; with -c, first take its role out of it (the role is kept).",
  operations: ["DeleteInstanceProfile", "GetInstanceProfile", "RemoveRoleFromInstanceProfile"],
  euare: true,
  positional: "instanceProfileName",
  options: [
    instanceProfileName(),
    // -r names the role everywhere else in this family, so recursion takes euca2ools' role-command letter.
    { ...recursive("first take the profile's roles out of it; the roles themselves are kept"), short: "c" },
    { ...pretend(), description: "with -c: print the roles that would be taken out and change nothing" },
  ],
  check: (opts) => (opts.pretend && !opts.recursive ? "-p (pretend) can only be used with -c" : undefined),
  output: ["[with -c -p] a roles section, role ARNs tab-indented"],
  example: "iam-instanceprofiledel -s webserver -c",

  async run({ iam }, { instanceProfileName, recursive, pretend }) {
    const InstanceProfileName = instanceProfileName;
    if (!recursive) {
      await iam.deleteInstanceProfile({ InstanceProfileName });
      return {};
    }
    const { InstanceProfile } = await iam.getInstanceProfile({ InstanceProfileName });
    const roles = (InstanceProfile?.Roles ?? []).map((r) => ({ name: r.RoleName!, arn: r.Arn! }));
    if (pretend) return { Pretend: roles };
    const profileLabel = `instance profile ${instanceProfileName}`;
    const removed = await runTasks(
      roles.map((role) => ({
        label: `role ${role.name} from the profile`,
        run: () => iam.removeRoleFromInstanceProfile({ InstanceProfileName, RoleName: role.name }),
      })),
      { remainingAfter: [profileLabel] },
    );
    await runTasks([{ label: profileLabel, run: () => iam.deleteInstanceProfile({ InstanceProfileName }) }], {
      removedBefore: removed,
    });
    return { Removed: roles };
  },

  render: (result) => (result.Pretend ? sectionLines([["roles", result.Pretend.map((r) => r.arn)]]) : []),
});
