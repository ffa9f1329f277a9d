import type { CommandSpec } from "../core/define.js";
import { GENERATED } from "./artifacts.js";

/**
 * docs/operations.md: every operation of the IAM API client, and the commands that call it or why
 * none does. Generation fails when an operation has neither, or both: the table cannot drift from
 * the command table or from the SDK.
 */

const ORGANIZATIONS = "acts on an AWS Organizations organisation from its management account, not on one account's IAM";
const NOT_YET = "not covered yet";
const DELEGATION = `delegation requests (temporary access granted on request): ${NOT_YET}`;

/** Why no command calls an operation. */
export const UNCALLED: Readonly<Record<string, string>> = {
  AcceptDelegationRequest: DELEGATION,
  AssociateDelegationRequest: DELEGATION,
  CreateDelegationRequest: DELEGATION,
  GetDelegationRequest: DELEGATION,
  ListDelegationRequests: DELEGATION,
  RejectDelegationRequest: DELEGATION,
  SendDelegationToken: DELEGATION,
  UpdateDelegationRequest: DELEGATION,
  DisableOrganizationsRootCredentialsManagement: ORGANIZATIONS,
  DisableOrganizationsRootSessions: ORGANIZATIONS,
  EnableOrganizationsRootCredentialsManagement: ORGANIZATIONS,
  EnableOrganizationsRootSessions: ORGANIZATIONS,
  ListOrganizationsFeatures: ORGANIZATIONS,
  GenerateOrganizationsAccessReport: ORGANIZATIONS,
  GetOrganizationsAccessReport: ORGANIZATIONS,
  UpdateRoleDescription: "superseded by UpdateRole, which sets the description too (iam-rolemod)",
  AcquireRole: `role templates: ${NOT_YET}`,
  GetRoleTemplateVersion: `role templates: ${NOT_YET}`,
  EnableOutboundWebIdentityFederation: `outbound web identity federation: ${NOT_YET}`,
  DisableOutboundWebIdentityFederation: `outbound web identity federation: ${NOT_YET}`,
  GetOutboundWebIdentityFederationInfo: `outbound web identity federation: ${NOT_YET}`,
  GetAccountProperties: `account properties: ${NOT_YET}`,
  PutAccountProperties: `account properties: ${NOT_YET}`,
  GetHumanReadableSummary: NOT_YET,
  CreateServiceSpecificCredential: NOT_YET,
  GetServiceLastAccessedDetailsWithEntities: NOT_YET,
  ListPoliciesGrantingServiceAccess: NOT_YET,
};

/** The operations of an SDK client class: its methods, less the paginators and waiters some builds add. */
export function sdkOperations(client: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(client.prototype)
    .filter((method) => method !== "constructor" && !/^(paginate|waitUntil)/i.test(method))
    .map((method) => method[0].toUpperCase() + method.slice(1))
    .sort();
}

/** The markdown page; `sdk` names the client and its version for the heading line. */
export function operationsDoc(specs: readonly CommandSpec<any, any>[], operations: readonly string[], sdk: string): string {
  const callers = new Map<string, string[]>();
  for (const spec of specs) for (const op of spec.operations) callers.set(op, [...(callers.get(op) ?? []), spec.name]);
  const problems = operations.flatMap((op) => {
    if (callers.has(op) && UNCALLED[op]) return [`${op} is called by ${callers.get(op)!.join(", ")} but has a reason for not being called`];
    if (!callers.has(op) && !UNCALLED[op]) return [`${op} is called by no command and has no reason`];
    return [];
  });
  const stale = Object.keys(UNCALLED).filter((op) => !operations.includes(op));
  if (problems.length || stale.length) throw new Error([...problems, ...stale.map((op) => `${op} has a reason but is not in ${sdk}`)].join("\n"));

  const called = operations.filter((op) => callers.has(op));
  const link = (name: string) => `[\`${name}\`](commands/${name}.md)`;
  return [
    `<!-- ${GENERATED} -->`,
    "# IAM operations",
    "",
    `iamkit calls **${called.length} of the ${operations.length}** operations of ${sdk}. Each row names the commands that`,
    "may call the operation, or why none does.",
    "",
    "| operation | commands, or why none |",
    "| --- | --- |",
    ...operations.map((op) => `| \`${op}\` | ${callers.get(op)?.map(link).join(", ") ?? UNCALLED[op]} |`),
    "",
  ].join("\n");
}
