import { pretend, pretendNeedsRecursive, recursive, userName } from "../shared/options.js";
import { recursiveDeleteCommand, whenPresent } from "../shared/recursive-delete.js";
import { DELETE_RULES } from "../../iam/delete-rules.js";

export default recursiveDeleteCommand({
  name: "iam-userdel",
  summary: "Delete a user; with -r, first remove everything that hangs off it.",
  rule: DELETE_RULES.DeleteUser,
  euare: true,
  positional: true,
  options: [
    userName(),
    recursive(
      "first delete the user's access keys, certificates, SSH keys, service credentials, policies, group memberships, login profile and MFA devices (a permissions boundary stays: IAM does not require its removal)",
    ),
    pretend(),
  ],
  check: pretendNeedsRecursive,
  output: ["[with -r -p] accesskeys, policies, certificates, groups sections (plus attachedpolicies, sshkeys, servicecredentials, loginprofile, mfadevices when present), items tab-indented"],
  example: "iam-userdel -u bob -r",
  // IAMCli's four sections always, in its order; those IAM added later only when the user has some.
  sections: (found, userName) => [
    ["accesskeys", found.accessKeys],
    ["policies", found.policies],
    ["certificates", found.certificates],
    ["groups", found.groups.map((g) => g.arn)],
    ...whenPresent([
      ["attachedpolicies", found.attachedPolicies],
      ["sshkeys", found.sshKeys],
      ["servicecredentials", found.serviceCredentials],
      ["loginprofile", found.loginProfile ? [userName] : []],
      ["mfadevices", found.mfaDevices],
    ]),
  ],
});
