import type { IamClient } from "../core/operations.js";
import { serviceErrorCode } from "../core/errors.js";
import { emptyIfNotImplemented } from "../core/not-implemented.js";
import { collect, type Page } from "./paginate.js";
import { runWaves, type Task } from "./tasks.js";

/** The actions that find what hangs off a user, and those that remove it and the user. */
export type UserLookups =
  | "GetLoginProfile"
  | "ListAccessKeys"
  | "ListUserPolicies"
  | "ListAttachedUserPolicies"
  | "ListSigningCertificates"
  | "ListSSHPublicKeys"
  | "ListServiceSpecificCredentials"
  | "ListGroupsForUser"
  | "ListMFADevices";
export type UserRemovals =
  | "DeleteAccessKey"
  | "DeleteUserPolicy"
  | "DetachUserPolicy"
  | "DeleteSigningCertificate"
  | "DeleteSSHPublicKey"
  | "DeleteServiceSpecificCredential"
  | "RemoveUserFromGroup"
  | "DeleteLoginProfile"
  | "DeactivateMFADevice"
  | "DeleteVirtualMFADevice"
  | "DeleteUser";

/**
 * Everything that makes real IAM refuse DeleteUser. A permissions boundary does not, and is left
 * alone: a delegated admin's own boundary usually denies removing it, and a user that survives a
 * failed delete must not do so with wider permissions.
 */
export interface UserAttachments {
  accessKeys: string[];
  policies: string[];
  attachedPolicies: string[];
  certificates: string[];
  sshKeys: string[];
  serviceCredentials: string[];
  /** Group ARNs (what `-r -p` prints) with the names the removal needs. */
  groups: { name: string; arn: string }[];
  loginProfile: boolean;
  mfaDevices: string[];
}

async function hasLoginProfile(iam: IamClient<"GetLoginProfile">, userName: string): Promise<boolean> {
  try {
    await iam.getLoginProfile({ UserName: userName });
    return true;
  } catch (err) {
    if (serviceErrorCode(err) === "NoSuchEntity") return false;
    throw err;
  }
}

/**
 * Lists every dependent of a user, all listings in parallel (one wave of requests). A listing the
 * endpoint does not implement counts as empty, said on the debug channel: DeleteUser still refuses
 * if anything was missed.
 */
export async function findUserAttachments(
  iam: IamClient<UserLookups>,
  userName: string,
  debug: (message: string) => void,
): Promise<UserAttachments> {
  const UserName = userName;
  const listing = <P extends Page, T>(action: string, fetchPage: (marker?: string) => Promise<P>, pick: (page: P) => T[] | undefined) =>
    emptyIfNotImplemented(collect(fetchPage, pick), action, debug);
  const [accessKeys, policies, attachedPolicies, certificates, sshKeys, serviceCredentials, groups, loginProfile, mfaDevices] =
    await Promise.all([
      listing("ListAccessKeys", (Marker) => iam.listAccessKeys({ UserName, Marker }), (p) => p.AccessKeyMetadata),
      listing("ListUserPolicies", (Marker) => iam.listUserPolicies({ UserName, Marker }), (p) => p.PolicyNames),
      listing("ListAttachedUserPolicies", (Marker) => iam.listAttachedUserPolicies({ UserName, Marker }), (p) => p.AttachedPolicies),
      listing("ListSigningCertificates", (Marker) => iam.listSigningCertificates({ UserName, Marker }), (p) => p.Certificates),
      listing("ListSSHPublicKeys", (Marker) => iam.listSSHPublicKeys({ UserName, Marker }), (p) => p.SSHPublicKeys),
      listing(
        "ListServiceSpecificCredentials",
        (Marker) => iam.listServiceSpecificCredentials({ UserName, Marker }),
        (p) => p.ServiceSpecificCredentials,
      ),
      listing("ListGroupsForUser", (Marker) => iam.listGroupsForUser({ UserName, Marker }), (p) => p.Groups),
      hasLoginProfile(iam, userName),
      listing("ListMFADevices", (Marker) => iam.listMFADevices({ UserName, Marker }), (p) => p.MFADevices),
    ]);
  return {
    accessKeys: accessKeys.map((k) => k.AccessKeyId!),
    policies,
    attachedPolicies: attachedPolicies.map((p) => p.PolicyArn!),
    certificates: certificates.map((c) => c.CertificateId!),
    sshKeys: sshKeys.map((k) => k.SSHPublicKeyId!),
    serviceCredentials: serviceCredentials.map((c) => c.ServiceSpecificCredentialId!),
    groups: groups.map((g) => ({ name: g.GroupName!, arn: g.Arn! })),
    loginProfile,
    mfaDevices: mfaDevices.map((d) => d.SerialNumber!),
  };
}

/**
 * The `-r -p` listing: IAMCli's four sections always, in its order; the dependents IAM added
 * later only when the user has some, so output for a legacy-shaped user stays as it was.
 */
export function userSections(userName: string, a: UserAttachments): [string, string[]][] {
  const legacy: [string, string[]][] = [
    ["accesskeys", a.accessKeys],
    ["policies", a.policies],
    ["certificates", a.certificates],
    ["groups", a.groups.map((g) => g.arn)],
  ];
  const modern: [string, string[]][] = [
    ["attachedpolicies", a.attachedPolicies],
    ["sshkeys", a.sshKeys],
    ["servicecredentials", a.serviceCredentials],
    ["loginprofile", a.loginProfile ? [userName] : []],
    ["mfadevices", a.mfaDevices],
  ];
  return [...legacy, ...modern.filter(([, items]) => items.length > 0)];
}

/** One task per dependent; all are independent of each other, so they run as one wave. */
function removalTasks(iam: IamClient<UserRemovals>, UserName: string, a: UserAttachments): Task[] {
  return [
    ...a.accessKeys.map((id) => ({ label: `access key ${id}`, run: () => iam.deleteAccessKey({ UserName, AccessKeyId: id }) })),
    ...a.policies.map((name) => ({ label: `policy ${name}`, run: () => iam.deleteUserPolicy({ UserName, PolicyName: name }) })),
    ...a.attachedPolicies.map((arn) => ({
      label: `attached policy ${arn}`,
      run: () => iam.detachUserPolicy({ UserName, PolicyArn: arn }),
    })),
    ...a.certificates.map((id) => ({
      label: `certificate ${id}`,
      run: () => iam.deleteSigningCertificate({ UserName, CertificateId: id }),
    })),
    ...a.sshKeys.map((id) => ({ label: `SSH key ${id}`, run: () => iam.deleteSSHPublicKey({ UserName, SSHPublicKeyId: id }) })),
    ...a.serviceCredentials.map((id) => ({
      label: `service credential ${id}`,
      run: () => iam.deleteServiceSpecificCredential({ UserName, ServiceSpecificCredentialId: id }),
    })),
    ...a.groups.map((g) => ({
      label: `membership of group ${g.name}`,
      run: () => iam.removeUserFromGroup({ UserName, GroupName: g.name }),
    })),
    ...(a.loginProfile ? [{ label: "login profile", run: () => iam.deleteLoginProfile({ UserName }) }] : []),
    // A virtual device can be deleted only once it is deactivated; the deletion goes with the last wave.
    ...a.mfaDevices.map((serial) => ({
      label: `MFA device ${serial}`,
      run: () => iam.deactivateMFADevice({ UserName, SerialNumber: serial }),
      finish: serial.startsWith("arn:") ? () => iam.deleteVirtualMFADevice({ SerialNumber: serial }) : undefined,
    })),
  ];
}

/**
 * Removes every dependent (one wave, bounded concurrency), then the user, beside the deletion of
 * the virtual MFA devices the first wave deactivated (the last wave).
 */
export async function deleteUserRecursively(iam: IamClient<UserRemovals>, userName: string, a: UserAttachments): Promise<void> {
  await runWaves([removalTasks(iam, userName, a), [{ label: `user ${userName}`, run: () => iam.deleteUser({ UserName: userName }) }]]);
}
