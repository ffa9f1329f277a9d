import { defineCommand } from "../../core/define.js";
import { pretend, pretendNeedsRecursive, recursive, userName } from "../shared/options.js";
import { deleteUserRecursively, findUserAttachments, userSections } from "../../iam/user-attachments.js";
import { sectionLines } from "../../output/print.js";

export default defineCommand({
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
    const attachments = await findUserAttachments(iam, userName, debug);
    if (pretend) return { Pretend: attachments };
    await deleteUserRecursively(iam, userName, attachments);
    return { Removed: attachments };
  },

  render: (result, { userName }) => (result.Pretend ? sectionLines(userSections(userName, result.Pretend)) : []),
});
