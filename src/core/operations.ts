import type { IAM } from "@aws-sdk/client-iam";
import type { STS } from "@aws-sdk/client-sts";

/**
 * Every IAM action, sorted into the ones that only read and the ones that change something: what
 * --dry-run sends and what it holds back, and whether a command offers --dry-run at all. The two
 * lists together must name every action of the SDK's IAM client (checked below), so an action the
 * SDK adds does not compile until it is sorted here.
 */
const IAM_READS = [
  "GenerateCredentialReport", "GenerateOrganizationsAccessReport", "GenerateServiceLastAccessedDetails",
  "GetAccessKeyLastUsed", "GetAccountAuthorizationDetails", "GetAccountPasswordPolicy", "GetAccountProperties",
  "GetAccountSummary", "GetContextKeysForCustomPolicy", "GetContextKeysForPrincipalPolicy", "GetCredentialReport",
  "GetDelegationRequest", "GetGroup", "GetGroupPolicy", "GetHumanReadableSummary", "GetInstanceProfile",
  "GetLoginProfile", "GetMFADevice", "GetOpenIDConnectProvider", "GetOrganizationsAccessReport",
  "GetOutboundWebIdentityFederationInfo", "GetPolicy", "GetPolicyVersion", "GetRole", "GetRolePolicy",
  "GetRoleTemplateVersion", "GetSAMLProvider", "GetSSHPublicKey", "GetServerCertificate",
  "GetServiceLastAccessedDetails", "GetServiceLastAccessedDetailsWithEntities", "GetServiceLinkedRoleDeletionStatus",
  "GetUser", "GetUserPolicy", "ListAccessKeys", "ListAccountAliases", "ListAttachedGroupPolicies",
  "ListAttachedRolePolicies", "ListAttachedUserPolicies", "ListDelegationRequests", "ListEntitiesForPolicy",
  "ListGroupPolicies", "ListGroups", "ListGroupsForUser", "ListInstanceProfileTags", "ListInstanceProfiles",
  "ListInstanceProfilesForRole", "ListMFADeviceTags", "ListMFADevices", "ListOpenIDConnectProviderTags",
  "ListOpenIDConnectProviders", "ListOrganizationsFeatures", "ListPolicies", "ListPoliciesGrantingServiceAccess",
  "ListPolicyTags", "ListPolicyVersions", "ListRolePolicies", "ListRoleTags", "ListRoles", "ListSAMLProviderTags",
  "ListSAMLProviders", "ListSSHPublicKeys", "ListServerCertificateTags", "ListServerCertificates",
  "ListServiceSpecificCredentials", "ListSigningCertificates", "ListUserPolicies", "ListUserTags", "ListUsers",
  "ListVirtualMFADevices", "SimulateCustomPolicy", "SimulatePrincipalPolicy",
] as const;

const IAM_CHANGES = [
  "AcceptDelegationRequest", "AcquireRole", "AddClientIDToOpenIDConnectProvider", "AddRoleToInstanceProfile",
  "AddUserToGroup", "AssociateDelegationRequest", "AttachGroupPolicy", "AttachRolePolicy", "AttachUserPolicy",
  "ChangePassword", "CreateAccessKey", "CreateAccountAlias", "CreateDelegationRequest", "CreateGroup",
  "CreateInstanceProfile", "CreateLoginProfile", "CreateOpenIDConnectProvider", "CreatePolicy",
  "CreatePolicyVersion", "CreateRole", "CreateSAMLProvider", "CreateServiceLinkedRole",
  "CreateServiceSpecificCredential", "CreateUser", "CreateVirtualMFADevice", "DeactivateMFADevice",
  "DeleteAccessKey", "DeleteAccountAlias", "DeleteAccountPasswordPolicy", "DeleteGroup", "DeleteGroupPolicy",
  "DeleteInstanceProfile", "DeleteLoginProfile", "DeleteOpenIDConnectProvider", "DeletePolicy",
  "DeletePolicyVersion", "DeleteRole", "DeleteRolePermissionsBoundary", "DeleteRolePolicy", "DeleteSAMLProvider",
  "DeleteSSHPublicKey", "DeleteServerCertificate", "DeleteServiceLinkedRole", "DeleteServiceSpecificCredential",
  "DeleteSigningCertificate", "DeleteUser", "DeleteUserPermissionsBoundary", "DeleteUserPolicy",
  "DeleteVirtualMFADevice", "DetachGroupPolicy", "DetachRolePolicy", "DetachUserPolicy",
  "DisableOrganizationsRootCredentialsManagement", "DisableOrganizationsRootSessions",
  "DisableOutboundWebIdentityFederation", "EnableMFADevice", "EnableOrganizationsRootCredentialsManagement",
  "EnableOrganizationsRootSessions", "EnableOutboundWebIdentityFederation", "PutAccountProperties", "PutGroupPolicy",
  "PutRolePermissionsBoundary", "PutRolePolicy", "PutUserPermissionsBoundary", "PutUserPolicy",
  "RejectDelegationRequest", "RemoveClientIDFromOpenIDConnectProvider", "RemoveRoleFromInstanceProfile",
  "RemoveUserFromGroup", "ResetServiceSpecificCredential", "ResyncMFADevice", "SendDelegationToken",
  "SetDefaultPolicyVersion", "SetSecurityTokenServicePreferences", "TagInstanceProfile", "TagMFADevice",
  "TagOpenIDConnectProvider", "TagPolicy", "TagRole", "TagSAMLProvider", "TagServerCertificate", "TagUser",
  "UntagInstanceProfile", "UntagMFADevice", "UntagOpenIDConnectProvider", "UntagPolicy", "UntagRole",
  "UntagSAMLProvider", "UntagServerCertificate", "UntagUser", "UpdateAccessKey", "UpdateAccountPasswordPolicy",
  "UpdateAssumeRolePolicy", "UpdateDelegationRequest", "UpdateGroup", "UpdateLoginProfile",
  "UpdateOpenIDConnectProviderThumbprint", "UpdateRole", "UpdateRoleDescription", "UpdateSAMLProvider",
  "UpdateSSHPublicKey", "UpdateServerCertificate", "UpdateServiceSpecificCredential", "UpdateSigningCertificate",
  "UpdateUser", "UploadSSHPublicKey", "UploadServerCertificate", "UploadSigningCertificate",
] as const;

/** The STS actions iamkit calls, written `sts:<Action>` in a command's operations; all of them only read. */
const STS_READS = ["GetCallerIdentity"] as const;

/** The SDK's method for an action: `DeleteUser` -> `deleteUser`. */
type MethodOf<Action extends string> = Uncapitalize<Action>;
/** The action of an SDK method: `deleteUser` -> `DeleteUser`; paginators and waiters are not actions. */
type ActionOf<Method> = Method extends `paginate${string}` | `waitUntil${string}` | "send" | "destroy" | "middlewareStack" | "config" | "initConfig"
  ? never
  : Method extends string
    ? Capitalize<Method>
    : never;

type IamAction = ActionOf<keyof IAM>;
type StsAction = ActionOf<keyof STS>;
type Sorted = (typeof IAM_READS)[number] | (typeof IAM_CHANGES)[number];
/** Compiles only while the lists above name every IAM action and nothing else. */
const everyActionSorted: [Exclude<IamAction, Sorted>, Exclude<Sorted, IamAction>] extends [never, never] ? true : never = true;
void everyActionSorted;

export type IamOperation = Sorted;
/** The IAM actions that change something: what a dry run holds back and predicts (src/iam/predictions.ts). */
export type IamChange = (typeof IAM_CHANGES)[number];
/** What the SDK's IAM client takes for an action: `CreateUser` -> `CreateUserRequest`. */
export type IamInput<Action extends IamOperation> = NonNullable<Parameters<IAM[MethodOf<Action>]>[0]>;
export type StsOperation = `sts:${(typeof STS_READS)[number]}`;
/** An action a command may declare in its `operations`. */
export type Operation = IamOperation | StsOperation;

/** The IAM client a piece of code may use: only the methods of the actions it declares. */
export type IamClient<Op extends string> = Pick<IAM, MethodOf<Extract<Op, IamOperation>>>;
/**
 * Sends one request to the method of `action`, for code that is handed the action rather than
 * calling a method by name (a family of commands that differ only in the action they send).
 */
export function send<Action extends IamOperation>(iam: IamClient<Action>, action: Action, input: IamInput<Action>): Promise<unknown> {
  const method = (action.charAt(0).toLowerCase() + action.slice(1)) as keyof IamClient<Action>;
  // The SDK overloads each method (promise, callback); TypeScript cannot pick one for a generic action.
  return (iam[method] as (this: IamClient<Action>, input: IamInput<Action>) => Promise<unknown>).call(iam, input);
}

/** The STS client of the same: `sts:GetCallerIdentity` gives `getCallerIdentity`. */
export type StsClient<Op extends string> = Pick<STS, MethodOf<Op extends `sts:${infer Action}` ? Action & StsAction : never>>;

/** The actions that only read, STS's without their `sts:` prefix (as the SDK names them to its middleware). */
export const READ_ONLY_OPERATIONS: ReadonlySet<string> = new Set([...IAM_READS, ...STS_READS]);
