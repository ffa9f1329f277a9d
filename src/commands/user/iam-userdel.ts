import { pretend, pretendNeedsRecursive, recursive, userName } from "../shared/options.js";
import { recursiveDeleteCommand } from "../shared/recursive-delete.js";
import { deleteUserRecursively, findUserAttachments, userSections } from "../../iam/user-attachments.js";

export default recursiveDeleteCommand({
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

  deleteOne: (iam, UserName) => iam.deleteUser({ UserName }),
  find: findUserAttachments,
  deleteWith: deleteUserRecursively,
  sections: (attachments, userName) => userSections(userName, attachments),
});
