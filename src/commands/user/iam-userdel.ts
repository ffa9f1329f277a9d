import { defineCommand } from "../../core/define.js";
import { pretend, pretendNeedsRecursive, recursive, userName } from "../shared/options.js";
import { deleteUserRecursively, findUserAttachments, userSections, type UserAttachments } from "../../iam/user-attachments.js";
import { sectionLines } from "../../output/print.js";
import { combined, deleteWithDependents } from "../../iam/dependents.js";

interface Options {
  userName: string;
  recursive?: boolean;
  pretend?: boolean;
}

export default defineCommand<Options, { Pretend?: UserAttachments; Removed?: UserAttachments }>({
  name: "iam-userdel",
  summary: "Delete a user; with -r, first remove everything that hangs off it.",
  operations: [
    "DeleteUser",
    "ListAccessKeys",
    "DeleteAccessKey",
    "ListUserPolicies",
    "DeleteUserPolicy",
    "ListAttachedUserPolicies",
    "DetachUserPolicy",
    "ListSigningCertificates",
    "DeleteSigningCertificate",
    "ListSSHPublicKeys",
    "DeleteSSHPublicKey",
    "ListServiceSpecificCredentials",
    "DeleteServiceSpecificCredential",
    "ListGroupsForUser",
    "RemoveUserFromGroup",
    "GetLoginProfile",
    "DeleteLoginProfile",
    "ListMFADevices",
    "DeactivateMFADevice",
    "DeleteVirtualMFADevice",
  ],
  euare: true,
  positional: "userName",
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

  async run({ iam, debug }, { userName, recursive, pretend }) {
    if (!recursive) {
      await iam.deleteUser({ UserName: userName });
      return {};
    }
    const find = () => findUserAttachments(iam, userName, debug);
    if (pretend) return { Pretend: await find() };
    return { Removed: combined(await deleteWithDependents(find, (found) => deleteUserRecursively(iam, userName, found))) };
  },

  render: (result, { userName }) => (result.Pretend ? sectionLines(userSections(userName, result.Pretend)) : []),
});
