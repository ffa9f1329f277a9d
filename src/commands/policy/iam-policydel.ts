import { defineCommand } from "../../core/define.js";
import { policyArn, pretend, pretendNeedsRecursive, recursive } from "../shared/options.js";
import {
  deletePolicyRecursively,
  dependentSections,
  findPolicyDependents,
  type PolicyDependents,
} from "../../iam/managed-policies.js";
import { combined, deleteWithDependents } from "../../iam/dependents.js";
import { sectionLines } from "../../output/print.js";

interface Options {
  policyArn: string;
  recursive?: boolean;
  pretend?: boolean;
}

export default defineCommand<Options, { Pretend?: PolicyDependents; Removed?: PolicyDependents }>({
  name: "iam-policydel",
  summary:
    "Delete a customer managed policy; with -r, first detach it everywhere, remove it as a permissions boundary and delete its other versions.",
  operations: [
    "DeletePolicy",
    "ListEntitiesForPolicy",
    "DetachUserPolicy",
    "DetachGroupPolicy",
    "DetachRolePolicy",
    "DeleteUserPermissionsBoundary",
    "DeleteRolePermissionsBoundary",
    "ListPolicyVersions",
    "DeletePolicyVersion",
  ],
  options: [
    policyArn(),
    recursive(
      "first detach the policy from every user, group and role, remove it from the users and roles whose permissions boundary it is, and delete its non-default versions",
    ),
    pretend(),
  ],
  check: pretendNeedsRecursive,
  output: [
    "[with -r -p] users, groups, roles sections (names the policy is attached to), boundaryusers and boundaryroles (names whose permissions boundary it is, when any) and versions (non-default version ids), items tab-indented",
  ],
  example: "iam-policydel -a arn:aws:iam::123456789012:policy/ReadReports -r",

  async run({ iam }, { policyArn, recursive, pretend }) {
    if (!recursive) {
      await iam.deletePolicy({ PolicyArn: policyArn });
      return {};
    }
    const find = () => findPolicyDependents(iam, policyArn);
    if (pretend) return { Pretend: await find() };
    return { Removed: combined(await deleteWithDependents(find, (found) => deletePolicyRecursively(iam, policyArn, found))) };
  },

  render: (result) => (result.Pretend ? sectionLines(dependentSections(result.Pretend)) : []),
});
