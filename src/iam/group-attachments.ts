import type { IamClient } from "../core/operations.js";
import { collect } from "./paginate.js";
import { runWaves } from "./tasks.js";

/** The actions that find what hangs off a group, and those that remove it and the group. */
export type GroupLookups = "GetGroup" | "ListGroupPolicies" | "ListAttachedGroupPolicies";
export type GroupRemovals = "RemoveUserFromGroup" | "DeleteGroupPolicy" | "DetachGroupPolicy" | "DeleteGroup";

/** Everything that makes real IAM refuse DeleteGroup. */
export interface GroupAttachments {
  /** Members as name and ARN: `-r -p` prints ARNs, the removal needs names. */
  users: { name: string; arn: string }[];
  policies: string[];
  attachedPolicies: string[];
}

/** Lists a group's members and policies in parallel (one wave of requests). */
export async function findGroupAttachments(iam: IamClient<GroupLookups>, groupName: string): Promise<GroupAttachments> {
  const GroupName = groupName;
  const [users, policies, attachedPolicies] = await Promise.all([
    collect((Marker) => iam.getGroup({ GroupName, Marker }), (p) => p.Users),
    collect((Marker) => iam.listGroupPolicies({ GroupName, Marker }), (p) => p.PolicyNames),
    collect((Marker) => iam.listAttachedGroupPolicies({ GroupName, Marker }), (p) => p.AttachedPolicies),
  ]);
  return {
    users: users.map((u) => ({ name: u.UserName!, arn: u.Arn! })),
    policies,
    attachedPolicies: attachedPolicies.map((p) => p.PolicyArn!),
  };
}

/** The `-r -p` listing: euca2ools' `users` and `policies` always, attached policies when present. */
export function groupSections(a: GroupAttachments): [string, string[]][] {
  const sections: [string, string[]][] = [
    ["users", a.users.map((u) => u.arn)],
    ["policies", a.policies],
  ];
  return a.attachedPolicies.length ? [...sections, ["attachedpolicies", a.attachedPolicies]] : sections;
}

/** Removes members and policies (one wave, bounded concurrency), then the group. */
export async function deleteGroupRecursively(iam: IamClient<GroupRemovals>, groupName: string, a: GroupAttachments): Promise<void> {
  const GroupName = groupName;
  await runWaves([
    [
      ...a.users.map((u) => ({ label: `member ${u.name}`, run: () => iam.removeUserFromGroup({ GroupName, UserName: u.name }) })),
      ...a.policies.map((name) => ({ label: `policy ${name}`, run: () => iam.deleteGroupPolicy({ GroupName, PolicyName: name }) })),
      ...a.attachedPolicies.map((arn) => ({
        label: `attached policy ${arn}`,
        run: () => iam.detachGroupPolicy({ GroupName, PolicyArn: arn }),
      })),
    ],
    [{ label: `group ${groupName}`, run: () => iam.deleteGroup({ GroupName }) }],
  ]);
}
