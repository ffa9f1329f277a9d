import { defineCommand } from "../../core/define.js";
import { pretend, recursive, roleName } from "../shared/options.js";
import { deleteRoleRecursively, findRoleAttachments, roleSections, type RoleAttachments } from "../../iam/role-attachments.js";
import { sectionLines } from "../../output/print.js";
import { combined, deleteWithDependents } from "../../iam/dependents.js";

interface Options {
  roleName: string;
  recursive?: boolean;
  pretend?: boolean;
}

export default defineCommand<Options, { Pretend?: RoleAttachments; Removed?: RoleAttachments }>({
  name: "iam-roledel",
  summary: "Delete a role; with -c, first take it out of its instance profiles and remove its policies.",
  operations: [
    "DeleteRole",
    "ListInstanceProfilesForRole",
    "RemoveRoleFromInstanceProfile",
    "ListRolePolicies",
    "DeleteRolePolicy",
    "ListAttachedRolePolicies",
    "DetachRolePolicy",
  ],
  euare: true,
  positional: "roleName",
  options: [
    roleName(),
    // -c as in euca2ools: -r is the role's name here.
    {
      ...recursive("first remove the role from its instance profiles and delete or detach its policies (a permissions boundary stays: IAM does not require its removal)"),
      short: "c",
    },
    { ...pretend(), description: "with -c: print what would be removed and change nothing" },
  ],
  check: ({ recursive, pretend }) => (pretend && !recursive ? "-p (pretend) can only be used with -c" : undefined),
  output: ["[with -c -p] instanceprofiles (ARNs) and policies sections (plus attachedpolicies when present), items tab-indented"],
  example: "iam-roledel -r webserver -c",

  async run({ iam }, { roleName, recursive, pretend }) {
    if (!recursive) {
      await iam.deleteRole({ RoleName: roleName });
      return {};
    }
    const find = () => findRoleAttachments(iam, roleName);
    if (pretend) return { Pretend: await find() };
    return { Removed: combined(await deleteWithDependents(find, (found) => deleteRoleRecursively(iam, roleName, found))) };
  },

  render: (result) => (result.Pretend ? sectionLines(roleSections(result.Pretend)) : []),
});
