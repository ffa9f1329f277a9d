/**
 * The account's entities as a dry run models them (AccountView reads them, each planned step
 * changes them): what each holds, by the names the recursive deletes use for their dependents.
 */

export interface UserModel {
  accessKeys: Set<string>;
  certificates: Set<string>;
  sshKeys: Set<string>;
  serviceCredentials: Set<string>;
  mfaDevices: Set<string>;
  groups: Set<string>;
  policies: Set<string>;
  attachedPolicies: Set<string>;
  loginProfile: boolean;
}

export interface GroupModel {
  users: Set<string>;
  policies: Set<string>;
  attachedPolicies: Set<string>;
}

export interface RoleModel {
  instanceProfiles: Set<string>;
  policies: Set<string>;
  attachedPolicies: Set<string>;
}

export interface InstanceProfileModel {
  roles: Set<string>;
}

export interface PolicyModel {
  /** Users, groups and roles it is attached to. */
  attachments: number;
  /** Users and roles it bounds; undefined where the endpoint does not say. */
  boundaryUses?: number;
  /** Version id to whether it is the default. */
  versions: Map<string, boolean>;
}
