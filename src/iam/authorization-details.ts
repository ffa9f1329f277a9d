import type { EntityType, GetAccountAuthorizationDetailsResponse } from "@aws-sdk/client-iam";
import type { IamClient } from "../core/operations.js";
import { decodePolicy } from "../output/print.js";
import { collect } from "./paginate.js";

/**
 * The whole account in one listing: GetAccountAuthorizationDetails returns users, groups, roles
 * and managed policies with their policies inline, page by page; iamkit joins every page into one
 * document and URL-decodes the policy documents in it.
 */

export type AuthorizationDetails = Required<
  Pick<GetAccountAuthorizationDetailsResponse, "UserDetailList" | "GroupDetailList" | "RoleDetailList" | "Policies">
>;

/** The fields that hold policy documents, at any depth of the answer. */
const DOCUMENT_FIELDS = new Set(["PolicyDocument", "AssumeRolePolicyDocument", "Document"]);

function decodeDocuments<T>(value: T): T {
  if (Array.isArray(value)) return value.map(decodeDocuments) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, DOCUMENT_FIELDS.has(key) && typeof field === "string" ? decodePolicy(field) : decodeDocuments(field)]),
  ) as T;
}

type Page = Omit<GetAccountAuthorizationDetailsResponse, "$metadata">;

/** Every page, as one document; `filter` limits the entity types (all when empty). */
export async function authorizationDetails(iam: IamClient<"GetAccountAuthorizationDetails">, filter: EntityType[] | undefined, maxItems?: number): Promise<AuthorizationDetails> {
  const pages = await collect(
    (Marker, MaxItems) => iam.getAccountAuthorizationDetails({ Filter: filter, Marker, MaxItems }),
    (page): Page[] => [page],
    maxItems,
  );
  const all = <K extends keyof AuthorizationDetails>(key: K) => pages.flatMap((page) => page[key] ?? []) as AuthorizationDetails[K];
  return decodeDocuments({
    UserDetailList: all("UserDetailList"),
    GroupDetailList: all("GroupDetailList"),
    RoleDetailList: all("RoleDetailList"),
    Policies: all("Policies"),
  });
}
