import { defineCommand } from "../../core/define.js";
import { authorizationDetails } from "../../iam/authorization-details.js";
import { ACCOUNT_WIDE_PAGE_SIZE } from "../../iam/paginate.js";
import { listLines } from "../../output/print.js";
import { maxItems } from "../shared/options.js";

export default defineCommand({
  name: "iam-accountgetauthorizationdetails",
  summary: "Snapshot the whole account: every user, group, role and managed policy with the policies each holds.",
  operations: ["GetAccountAuthorizationDetails"],
  options: [
    {
      key: "filter",
      short: "t",
      long: "filter",
      metavar: "TYPE",
      description: "read only this entity type (repeatable): User, Group, Role, LocalManagedPolicy or AWSManagedPolicy",
      repeatable: true,
      choices: ["User", "Group", "Role", "LocalManagedPolicy", "AWSManagedPolicy"],
    },
    maxItems({ accountWide: true }),
  ],
  output: [
    "per entity, tab-separated: its type (User, Group, Role or Policy), then its ARN; users, groups, roles, then policies",
    "IsTruncated: false",
    "[with --json] one document: UserDetailList, GroupDetailList, RoleDetailList and Policies over every page, policy documents URL-decoded",
  ],
  example: "iam-accountgetauthorizationdetails --json > account.json",
  run: ({ iam }, { filter, maxItems }) => authorizationDetails(iam, filter, maxItems ?? ACCOUNT_WIDE_PAGE_SIZE),
  render: ({ UserDetailList, GroupDetailList, RoleDetailList, Policies }) =>
    listLines([
      ...UserDetailList.map((u) => `User\t${u.Arn}`),
      ...GroupDetailList.map((g) => `Group\t${g.Arn}`),
      ...RoleDetailList.map((r) => `Role\t${r.Arn}`),
      ...Policies.map((p) => `Policy\t${p.Arn}`),
    ]),
});
