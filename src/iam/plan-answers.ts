import { createHash, randomBytes } from "node:crypto";

/**
 * What a planned change answers in place of IAM: results in IAM's shapes, with ids and ARNs as IAM
 * forms them, so that a runbook's `head -1`, `awk` and variables keep working on them. Only the
 * fields commands read are filled.
 */

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function randomText(length: number, alphabet: string): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join("");
}

/** IAM's unique ids: four letters for the kind (AIDA a user, AGPA a group...), then 17 more. */
const iamId = (prefix: string) => prefix + randomText(17, BASE32);

const accessKeyId = () => `AKIA${randomText(16, BASE32)}`;

const secretAccessKey = () => randomText(40, SECRET_CHARACTERS);

/** The path a create names, `/` when it names none. */
const pathOf = (input: Record<string, any>) => (input.Path as string | undefined) ?? "/";

export interface Account {
  /** The 12-digit account id the plan's credentials belong to. */
  id: string;
  /** `aws`, `aws-cn`, `aws-us-gov`. */
  partition: string;
}

const arnOf = (account: Account, type: string, path: string, name: string) =>
  `arn:${account.partition}:iam::${account.id}:${type}${path}${name}`;

/** The MD5 fingerprint IAM gives an SSH public key: of the key's decoded body, as colon-separated hex. */
function sshFingerprint(body: string): string {
  const key = Buffer.from(body.trim().split(/\s+/)[1] ?? "", "base64");
  return createHash("md5").update(key).digest("hex").replace(/(..)(?!$)/g, "$1:");
}

type Input = Record<string, any>;

/** The entities a create names by path and name: their ARN's resource type and their ids' prefix. */
const NAMED = {
  User: { type: "user", idPrefix: "AIDA" },
  Group: { type: "group", idPrefix: "AGPA" },
  Role: { type: "role", idPrefix: "AROA" },
  InstanceProfile: { type: "instance-profile", idPrefix: "AIPA" },
  ServerCertificate: { type: "server-certificate", idPrefix: "ASCA" },
};

/** The fields IAM's answer starts with for such an entity: `Path`, `UserName`, `UserId`, `Arn` for a user. */
function named(account: Account, input: Input, noun: keyof typeof NAMED) {
  const name: string = input[`${noun}Name`];
  return {
    Path: pathOf(input),
    [`${noun}Name`]: name,
    [`${noun}Id`]: iamId(NAMED[noun].idPrefix),
    Arn: arnOf(account, NAMED[noun].type, pathOf(input), name),
  };
}

/**
 * A user's or group's record once renamed or moved: IAM keeps its id and forms its ARN from the
 * new path and name.
 */
export function movedRecord(account: Account, noun: "User" | "Group", record: Record<string, unknown>, name: string, path?: string): Record<string, unknown> {
  const Path = path ?? (record.Path as string | undefined) ?? "/";
  return { ...record, Path, [`${noun}Name`]: name, Arn: arnOf(account, NAMED[noun].type, Path, name) };
}

/** The result of one planned change; `owner` is the user a request without UserName acts on. */
export function placeholderAnswer(action: string, input: Input, account: Account, owner?: string): Record<string, unknown> {
  const now = new Date();
  switch (action) {
    case "CreateUser":
      return {
        User: {
          ...named(account, input, "User"),
          CreateDate: now,
          Tags: input.Tags,
          PermissionsBoundary: input.PermissionsBoundary && { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: input.PermissionsBoundary },
        },
      };
    case "CreateGroup":
      return { Group: { ...named(account, input, "Group"), CreateDate: now } };
    case "CreateRole":
      return {
        Role: {
          ...named(account, input, "Role"),
          CreateDate: now,
          AssumeRolePolicyDocument: input.AssumeRolePolicyDocument,
          Description: input.Description,
          MaxSessionDuration: input.MaxSessionDuration ?? 3600,
          Tags: input.Tags,
        },
      };
    case "CreateInstanceProfile":
      return { InstanceProfile: { ...named(account, input, "InstanceProfile"), CreateDate: now, Roles: [] } };
    case "CreatePolicy":
      return {
        Policy: {
          PolicyName: input.PolicyName,
          PolicyId: iamId("ANPA"),
          Arn: input.PolicyArn,
          Path: pathOf(input),
          DefaultVersionId: "v1",
          AttachmentCount: 0,
          PermissionsBoundaryUsageCount: 0,
          IsAttachable: true,
          Description: input.Description,
          CreateDate: now,
          UpdateDate: now,
          Tags: input.Tags,
        },
      };
    case "CreatePolicyVersion":
      return { PolicyVersion: { VersionId: input.VersionId, IsDefaultVersion: Boolean(input.SetAsDefault), CreateDate: now } };
    case "CreateAccessKey":
      return { AccessKey: { UserName: owner, AccessKeyId: input.AccessKeyId, SecretAccessKey: secretAccessKey(), Status: "Active", CreateDate: now } };
    case "CreateLoginProfile":
      return { LoginProfile: { UserName: input.UserName, CreateDate: now, PasswordResetRequired: Boolean(input.PasswordResetRequired) } };
    case "UploadSigningCertificate":
      return { Certificate: { UserName: owner, CertificateId: input.CertificateId, CertificateBody: input.CertificateBody, Status: "Active", UploadDate: now } };
    case "UploadSSHPublicKey":
      return {
        SSHPublicKey: {
          UserName: input.UserName,
          SSHPublicKeyId: input.SSHPublicKeyId,
          Fingerprint: sshFingerprint(input.SSHPublicKeyBody ?? ""),
          SSHPublicKeyBody: input.SSHPublicKeyBody,
          Status: "Active",
          UploadDate: now,
        },
      };
    case "CreateVirtualMFADevice":
      // The seed and QR code only go to the bootstrap file, which a plan does not write.
      return { VirtualMFADevice: { SerialNumber: input.SerialNumber, Tags: input.Tags } };
    case "UploadServerCertificate":
      return { ServerCertificateMetadata: { ...named(account, input, "ServerCertificate"), UploadDate: now } };
    default:
      return {};
  }
}

/**
 * The ids a create's answer will carry, chosen before the step is judged so that the plan records
 * the step under them (a later `iam-userdelkey -k $KEY` then finds the key it created).
 */
export function chosenIds(action: string, input: Input, account: Account, nextVersion: () => Promise<string>): Promise<Input> | Input {
  switch (action) {
    case "CreateAccessKey":
      return { ...input, AccessKeyId: accessKeyId() };
    case "UploadSigningCertificate":
      return { ...input, CertificateId: randomText(32, BASE32) };
    case "UploadSSHPublicKey":
      return { ...input, SSHPublicKeyId: `APKA${randomText(16, BASE32)}` };
    case "CreatePolicy":
      return { ...input, PolicyArn: arnOf(account, "policy", pathOf(input), input.PolicyName) };
    case "CreateVirtualMFADevice":
      return { ...input, SerialNumber: arnOf(account, "mfa", pathOf(input), input.VirtualMFADeviceName) };
    case "CreatePolicyVersion":
      return nextVersion().then((VersionId) => ({ ...input, VersionId }));
    default:
      return input;
  }
}
