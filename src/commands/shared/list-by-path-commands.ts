import { defineCommand } from "../../core/define.js";
import type { IamClient, IamOperation } from "../../core/operations.js";
import { maxItems, pathPrefix } from "./options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items, type Page } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { streamedListLines } from "../../output/print.js";

/**
 * The *listbypath commands list the ARNs of one kind of account-wide entity under a path: only
 * the action, the answer's field and the words differ.
 */

interface Listed {
  Arn?: string;
  Path?: string;
}

/** One kind of entity: its words, its action, and where its answer holds it. */
interface ListByPath<Action extends IamOperation, Field extends string> {
  /** The entities as the summary and -p's description name them. */
  plural: string;
  /** The field of the answer, and of --json's document, that holds them. */
  field: Field;
  action: Action;
  list(
    iam: IamClient<Action>,
    PathPrefix: string | undefined,
    Marker: string | undefined,
    MaxItems: number | undefined,
  ): Promise<Page & { [F in Field]: Listed[] | undefined }>;
}

/** One entry of the table below, its client typed by its action; its pages give the entities as `listed`. */
const byPath = <Action extends IamOperation, Field extends string>(api: ListByPath<Action, Field>) => ({
  ...api,
  list: (...page: Parameters<typeof api.list>): Promise<Page & { listed?: Listed[] }> =>
    api.list(...page).then((answer) => ({ ...answer, listed: answer[api.field] })),
});

const API = {
  user: byPath({
    plural: "users",
    field: "Users",
    action: "ListUsers",
    list: (iam, PathPrefix, Marker, MaxItems) => iam.listUsers({ PathPrefix, Marker, MaxItems }),
  }),
  group: byPath({
    plural: "groups",
    field: "Groups",
    action: "ListGroups",
    list: (iam, PathPrefix, Marker, MaxItems) => iam.listGroups({ PathPrefix, Marker, MaxItems }),
  }),
  role: byPath({
    plural: "roles",
    field: "Roles",
    action: "ListRoles",
    list: (iam, PathPrefix, Marker, MaxItems) => iam.listRoles({ PathPrefix, Marker, MaxItems }),
  }),
  "instance profile": byPath({
    plural: "instance profiles",
    field: "InstanceProfiles",
    action: "ListInstanceProfiles",
    list: (iam, PathPrefix, Marker, MaxItems) => iam.listInstanceProfiles({ PathPrefix, Marker, MaxItems }),
  }),
  "server certificate": byPath({
    plural: "server certificates",
    field: "ServerCertificateMetadataList",
    action: "ListServerCertificates",
    list: (iam, PathPrefix, Marker, MaxItems) => iam.listServerCertificates({ PathPrefix, Marker, MaxItems }),
  }),
};

/** What each command module declares; the rest follows from the kind of entity. */
export interface ListByPathCommand {
  name: `iam-${string}`;
  kind: keyof typeof API;
  example: string;
  /** Where the legacy tool's own wording differs from its siblings'. */
  summary?: string;
}

export function listByPathCommand({ name, kind, example, summary }: ListByPathCommand) {
  const api = API[kind];
  return defineCommand({
    name,
    summary: summary ?? `List the ARNs of the ${api.plural} in the account, optionally only those under a path.`,
    operations: [api.action],
    euare: true,
    options: [pathPrefix(api.plural), maxItems({ accountWide: true })],
    output: [`one ${kind} ARN per line`, "IsTruncated: false"],
    example,
    run: async ({ iam }, { pathPrefix, maxItems }) => ({
      [api.field]: items(
        (Marker, MaxItems) => api.list(iam, pathPrefix, Marker, MaxItems),
        // Some IAM look-alikes ignore PathPrefix for some entities (see underPath); IAM lists all under / without one.
        (page) => underPath(page.listed ?? [], pathPrefix ?? "/"),
        maxItems ?? ACCOUNT_WIDE_PAGE_SIZE,
      ),
    }),
    render: (result) => streamedListLines(result[api.field], (entity) => entity.Arn),
  });
}
