/**
 * Offline checks of an IAM policy document, before anything is sent: `validatePolicy` finds what
 * IAM would refuse (errors), `lintPolicy` what it would accept but is probably a mistake
 * (warnings). Pure functions over the parsed JSON; each finding carries the JSON path it is about,
 * so that the caller can name the file line.
 */

/** Identity policies belong to a user, group or role (inline) or are managed; trust policies say who may assume a role. */
export type PolicyKind = "identity" | "trust";

/** What a document is for: the four identity entities, or a role's trust policy. */
export type PolicyEntity = "user" | "group" | "role" | "managed" | "trust";

export type JsonPath = readonly (string | number)[];

export interface Finding {
  /** Where in the document, such as ["Statement", 1, "Action", 0]; empty for the document as a whole. */
  path: JsonPath;
  message: string;
}

export function kindOf(entity: PolicyEntity): PolicyKind {
  return entity === "trust" ? "trust" : "identity";
}

/**
 * IAM's limits, in characters not counting whitespace. For users, groups and roles the limit is
 * the total over all of the entity's inline policies, which only IAM can see: a document over it
 * can never be stored, one under it may still meet LimitExceeded. 2,048 for a trust policy is
 * IAM's default quota; an account can have it raised (to 4,096), which iamkit cannot know.
 */
export const SIZE_LIMITS: Readonly<Record<PolicyEntity, number>> = {
  user: 2048,
  group: 5120,
  role: 10240,
  managed: 6144,
  trust: 2048,
};

const LIMIT_HOLDER: Readonly<Record<PolicyEntity, string>> = {
  user: "a user's inline policies",
  group: "a group's inline policies",
  role: "a role's inline policies",
  managed: "a managed policy",
  trust: "a role's trust policy",
};

const count = (n: number) => n.toLocaleString("en-US");

/** The size IAM measures: JSON's whitespace (space, tab, CR, LF) does not count. */
export function policySize(text: string): number {
  return text.replace(/[ \t\r\n]/g, "").length;
}

export function checkPolicySize(text: string, entity: PolicyEntity): Finding | undefined {
  const size = policySize(text);
  const limit = SIZE_LIMITS[entity];
  if (size <= limit) return undefined;
  return {
    path: [],
    message: `${count(size)} characters without whitespace; IAM allows at most ${count(limit)} for ${LIMIT_HOLDER[entity]}`,
  };
}

/** `Statement[1].Action[0]`. */
export function formatPath(path: JsonPath): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * IAM's own accepted versions. A document without Version is an error here; the upload path
 * (checkPolicyDocument in policy.ts) first adds 2012-10-17 where that keeps the document's meaning
 * (IAM reads a version-less document as 2008-10-17, where policy variables are plain text).
 */
const VERSIONS = ["2012-10-17", "2008-10-17"];
const DEPRECATED_VERSION = "2008-10-17";

const TOP_KEYS = ["Version", "Id", "Statement"];
const STATEMENT_KEYS = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];
const PRINCIPAL_KEYS = ["AWS", "Service", "Federated", "CanonicalUser"];

/** Condition operators, before an optional ForAnyValue:/ForAllValues: prefix and IfExists suffix. */
const OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null",
];

function isOperator(name: string): boolean {
  const base = name.replace(/^For(AnyValue|AllValues):/, "").replace(/IfExists$/, "");
  return OPERATORS.includes(base);
}

/** Edit distance, ignoring case: how far a misspelt key is from a known one. */
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[y.length];
}

/** The known name a misspelt one was probably meant to be: a case slip or up to two typos away. */
function nearest(name: string, known: readonly string[]): string | undefined {
  const [best] = known.map((k) => [k, distance(name, k)] as const).sort((a, b) => a[1] - b[1]);
  return best && best[1] <= Math.min(2, name.length - 1) ? best[0] : undefined;
}

function unknownKey(name: string, known: readonly string[], what: string): string {
  const near = nearest(name, known);
  return near ? `unknown ${what} "${name}"; did you mean ${near}?` : `unknown ${what} "${name}"; expected one of ${known.join(", ")}`;
}

/** The statements with their paths: Statement may be one object or an array of them. */
function statementsOf(document: Json): [JsonPath, unknown][] {
  const statement = document.Statement;
  if (Array.isArray(statement)) return statement.map((s, i) => [["Statement", i], s]);
  return isObject(statement) ? [[["Statement"], statement]] : [];
}

/** The entries of a string-or-list element, each with its path (the element's own for a lone string). */
function entriesOf(value: unknown, path: JsonPath): [JsonPath, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [[...path, i], v]) : [[path, value]];
}

const q = (value: unknown) => JSON.stringify(value);

/** `arn:partition:service:region:account:resource`: at least six colon-separated parts. */
function isArn(value: string): boolean {
  const parts = value.split(":");
  return parts.length >= 6 && parts[0] === "arn" && parts[1] !== "" && parts[2] !== "" && parts.slice(5).join(":") !== "";
}

/**
 * The ARN meant by one written with too few colons: `arn:aws:s3::*` (IAM's 2011 launch post) is
 * `arn:aws:s3:::*`, and `arn:aws:iam:123456789012:user/x` lacks the empty region.
 */
function intendedArn(value: string): string | undefined {
  const parts = value.split(":");
  if (parts[0] !== "arn" || parts.length < 4 || parts.length >= 6 || !parts[1] || !parts[2] || !parts.at(-1)) return undefined;
  const missing = 6 - parts.length;
  if (parts.slice(3, -1).every((p) => p === "")) {
    return [...parts.slice(0, -1), ...Array<string>(missing).fill(""), parts.at(-1)!].join(":");
  }
  if (parts.length === 5 && /^\d{12}$/.test(parts[3])) return [...parts.slice(0, 3), "", ...parts.slice(3)].join(":");
  return undefined;
}

/** Structural errors: anything here makes IAM refuse the document (or, for Version, is iamkit's stricter rule). */
export function validatePolicy(document: unknown, kind: PolicyKind): Finding[] {
  const errors: Finding[] = [];
  const error = (path: JsonPath, message: string) => errors.push({ path, message });
  if (!isObject(document)) return [{ path: [], message: "a policy must be a JSON object: {\"Version\": ..., \"Statement\": [...]}" }];

  for (const key of Object.keys(document)) if (!TOP_KEYS.includes(key)) error([key], unknownKey(key, TOP_KEYS, "element"));
  if (!("Version" in document)) error([], 'Version is missing; add "Version": "2012-10-17"');
  else if (!VERSIONS.includes(document.Version as string)) {
    error(["Version"], `${q(document.Version)} is not "2012-10-17" (or the older "2008-10-17")`);
  }
  if ("Id" in document && typeof document.Id !== "string") error(["Id"], "Id must be a string");

  const statement = document.Statement;
  if (statement === undefined) error([], "Statement is missing");
  else if (Array.isArray(statement) && statement.length === 0) error(["Statement"], "Statement is empty");
  else if (!Array.isArray(statement) && !isObject(statement)) error(["Statement"], "Statement must be an object or a list of objects");

  const sids = new Map<string, JsonPath>();
  for (const [path, s] of statementsOf(document)) {
    if (!isObject(s)) {
      error(path, "a statement must be a JSON object");
      continue;
    }
    checkStatement(s, path, kind, error);
    if (typeof s.Sid === "string" && s.Sid !== "") {
      const first = sids.get(s.Sid);
      if (first) error([...path, "Sid"], `Sid ${q(s.Sid)} is already the Sid of ${formatPath(first)}; Sids must be unique`);
      else sids.set(s.Sid, path);
    }
  }
  return errors;
}

type Report = (path: JsonPath, message: string) => void;

function checkStatement(s: Json, path: JsonPath, kind: PolicyKind, error: Report): void {
  const at = (key: string | number) => [...path, key];
  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.includes(key)) error(at(key), unknownKey(key, STATEMENT_KEYS, "statement element"));

  if ("Sid" in s) {
    if (typeof s.Sid !== "string") error(at("Sid"), "Sid must be a string");
    else if (!/^[A-Za-z0-9]*$/.test(s.Sid)) error(at("Sid"), `Sid ${q(s.Sid)} may hold only letters and digits`);
  }

  if (!("Effect" in s)) error(path, "Effect is missing; expected Allow or Deny");
  else if (s.Effect !== "Allow" && s.Effect !== "Deny") {
    const caseSlip = typeof s.Effect === "string" && nearest(s.Effect, ["Allow", "Deny"]);
    error(at("Effect"), `${q(s.Effect)} is not Allow or Deny${caseSlip ? `; did you mean ${caseSlip}?` : ""}`);
  }

  const actionKey = onlyOne(s, "Action", "NotAction", path, error);
  if (actionKey) {
    for (const [p, action] of stringList(s[actionKey], at(actionKey), error)) checkAction(action, p, kind, error);
  }

  if (kind === "identity") {
    const resourceKey = onlyOne(s, "Resource", "NotResource", path, error);
    if (resourceKey) {
      for (const [p, resource] of stringList(s[resourceKey], at(resourceKey), error)) checkResource(resource, p, error);
    }
    for (const key of ["Principal", "NotPrincipal"]) {
      if (key in s) error(at(key), `${key} belongs in trust policies; an identity policy applies to whoever holds it`);
    }
  } else {
    for (const key of ["Resource", "NotResource"]) {
      if (key in s) error(at(key), `a trust policy has no ${key}: the role itself is the resource`);
    }
    if ("NotPrincipal" in s) error(at("NotPrincipal"), "NotPrincipal is not supported in a trust policy; name the principals with Principal");
    else if (!("Principal" in s)) error(path, "Principal is missing: a trust policy names who may assume the role");
    else checkPrincipal(s.Principal, at("Principal"), error);
  }

  if ("Condition" in s) checkCondition(s.Condition, at("Condition"), error);
}

/** The one of `key` and `Not<key>` a statement has; reports neither or both. */
function onlyOne(s: Json, key: string, notKey: string, path: JsonPath, error: Report): string | undefined {
  if (key in s && notKey in s) {
    error(path, `a statement has ${key} or ${notKey}, not both`);
    return undefined;
  }
  if (!(key in s) && !(notKey in s)) {
    error(path, `${key} is missing (or ${notKey})`);
    return undefined;
  }
  return key in s ? key : notKey;
}

/** A string or a non-empty list of strings; returns the strings with their paths. */
function stringList(value: unknown, path: JsonPath, error: Report): [JsonPath, string][] {
  const name = formatPath(path.slice(-1));
  if (typeof value !== "string" && !Array.isArray(value)) {
    error(path, `${name} must be a string or a list of strings`);
    return [];
  }
  if (Array.isArray(value) && value.length === 0) {
    error(path, `${name} is an empty list`);
    return [];
  }
  const strings: [JsonPath, string][] = [];
  for (const [p, entry] of entriesOf(value, path)) {
    if (typeof entry === "string") strings.push([p, entry]);
    else error(p, `${q(entry)} is not a string`);
  }
  return strings;
}

function checkAction(action: string, path: JsonPath, kind: PolicyKind, error: Report): void {
  if (action === "*") return;
  const example = kind === "trust" ? "sts:AssumeRole" : "s3:GetObject";
  const parts = action.split(":");
  if (parts.length === 1) return error(path, `${q(action)} has no service prefix; write service:action, such as ${example}`);
  if (parts.length > 2) return error(path, `${q(action)} has more than one colon; write service:action, such as ${example}`);
  const [service, name] = parts;
  if (!/^[A-Za-z0-9.*?-]+$/.test(service)) return error(path, `${q(action)}: ${q(service)} is not a service prefix`);
  if (!/^\S+$/.test(name)) return error(path, `${q(action)} names no action after the colon`);
  if (kind === "trust" && service.toLowerCase() !== "sts" && service !== "*") {
    error(path, `${q(action)}: a trust policy allows only sts: actions, such as sts:AssumeRole`);
  }
}

function checkResource(resource: string, path: JsonPath, error: Report): void {
  if (resource === "*" || isArn(resource)) return;
  const intended = intendedArn(resource);
  error(
    path,
    `${q(resource)} is not "*" or an ARN (arn:partition:service:region:account:resource)${intended ? `; did you mean ${intended}?` : ""}`,
  );
}

function checkPrincipal(principal: unknown, path: JsonPath, error: Report): void {
  if (principal === "*") return;
  if (!isObject(principal)) {
    error(path, 'Principal must be "*" or an object such as {"Service": "ec2.amazonaws.com"}');
    return;
  }
  if (Object.keys(principal).length === 0) error(path, 'Principal names nobody; such as {"Service": "ec2.amazonaws.com"}');
  for (const [key, value] of Object.entries(principal)) {
    if (!PRINCIPAL_KEYS.includes(key)) error([...path, key], unknownKey(key, PRINCIPAL_KEYS, "principal type"));
    else {
      for (const [p, name] of stringList(value, [...path, key], error)) if (name === "") error(p, "an empty principal");
    }
  }
}

function checkCondition(condition: unknown, path: JsonPath, error: Report): void {
  if (!isObject(condition)) {
    error(path, 'Condition must be an object of operators, such as {"StringEquals": {"aws:username": "bob"}}');
    return;
  }
  for (const [operator, block] of Object.entries(condition)) {
    const at = [...path, operator];
    if (!isOperator(operator)) {
      const near = nearest(operator, OPERATORS);
      error(at, `unknown condition operator ${q(operator)}${near ? `; did you mean ${near}?` : "; such as StringEquals, ArnLike, Bool"}`);
    }
    if (!isObject(block)) {
      error(at, `${operator} must be an object of condition keys and values, such as {"aws:SourceIp": "192.0.2.0/24"}`);
      continue;
    }
    for (const [key, value] of Object.entries(block)) {
      if (!/^[^:]+:.+$/.test(key)) error([...at, key], `condition key ${q(key)} has no service prefix, such as aws:SourceIp`);
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0 || !values.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
        error([...at, key], `the value of ${key} must be a string or a list of strings`);
      }
    }
  }
}

/** Who the document is for, so that a warning can say so. */
export interface LintContext {
  entity: PolicyEntity;
  /** The user, group, role or managed policy name; unknown for a document linted on its own. */
  name?: string;
}

const HOLDER_NOUN: Readonly<Record<PolicyEntity, string>> = {
  user: "user",
  group: "group",
  role: "role",
  managed: "managed policy",
  trust: "role",
};

const grantsEverything = (action: string) => action === "*" || action === "*:*";

/**
 * Wildcard matching as IAM does for actions: `*` any run of characters (none included), `?` exactly
 * one, case-insensitive (IAM User Guide, "IAM JSON policy elements: Action"). No regular expression is built from the pattern, since a backtracking one
 * takes exponential time on a run of stars that then fails to match (`iam:` and 40 stars took 49 s).
 * Greedy with one resume point: a later `*` can absorb anything an earlier one would have, so only
 * the last star is ever retried, and the work is at most pattern length times value length.
 */
export function wildcardMatches(pattern: string, value: string): boolean {
  const [p, v] = [pattern.toLowerCase(), value.toLowerCase()];
  let [i, j] = [0, 0];
  /** Pattern index after the last star seen, and the value index that star's run ends at. */
  let [resumeAt, absorbedTo] = [-1, 0];
  while (j < v.length) {
    if (i < p.length && p[i] === "*") {
      [resumeAt, absorbedTo] = [++i, j];
    } else if (i < p.length && (p[i] === "?" || p[i] === v[j])) {
      i++;
      j++;
    } else if (resumeAt >= 0) {
      // The characters after the last star did not fit here: that star takes one more character.
      [i, j] = [resumeAt, ++absorbedTo];
    } else {
      return false;
    }
  }
  while (i < p.length && p[i] === "*") i++;
  return i === p.length;
}

const stringsOf = (value: unknown, path: JsonPath): [JsonPath, string][] =>
  entriesOf(value, path).filter((entry): entry is [JsonPath, string] => typeof entry[1] === "string");

/**
 * Warnings: what IAM accepts but is seldom meant. Expects a document validatePolicy accepted (and
 * tolerates others by skipping what it cannot read).
 */
export function lintPolicy(document: unknown, { entity, name }: LintContext): Finding[] {
  const warnings: Finding[] = [];
  const warn = (path: JsonPath, message: string) => warnings.push({ path, message });
  if (!isObject(document)) return warnings;
  const kind = kindOf(entity);

  if (document.Version === DEPRECATED_VERSION) {
    warn(["Version"], `${DEPRECATED_VERSION} is deprecated: it reads policy variables such as \${aws:username} as plain text; use 2012-10-17`);
  }

  for (const [path, s] of statementsOf(document)) {
    if (!isObject(s)) continue;
    const allow = s.Effect === "Allow";
    const actions = stringsOf(s.Action, [...path, "Action"]);
    const resources = stringsOf(s.Resource, [...path, "Resource"]).map(([, r]) => r);

    if (allow && "NotAction" in s) {
      warn([...path, "NotAction"], "NotAction with Allow allows every action not listed, including those of services added later");
    }
    for (const [p, action] of [...actions, ...stringsOf(s.NotAction, [...path, "NotAction"])]) {
      const service = action.split(":")[0];
      if (!grantsEverything(action) && action.includes(":") && /[*?]/.test(service)) {
        warn(p, `${q(action)}: a wildcard in the service prefix matches every service whose name fits, including ones added later`);
      }
    }

    if (kind === "identity" && allow && resources.includes("*")) {
      const holder = name === undefined ? undefined : `${HOLDER_NOUN[entity]} ${q(name)}`;
      if (actions.some(([, a]) => grantsEverything(a)) && !/admin/i.test(name ?? "")) {
        warn(path, `full admin (every action on every resource)${holder ? ` for ${holder}, whose name does not say admin` : ""}`);
      }
      for (const [p, action] of actions) {
        if (!grantsEverything(action) && wildcardMatches(action, "iam:PassRole")) {
          const lets = action.toLowerCase() === "iam:passrole" ? "lets" : "includes iam:PassRole, which lets";
          warn(p, `${q(action)} on Resource "*" ${lets} the holder pass any role to a service; list the roles' ARNs instead`);
        }
      }
    }

    if (kind === "trust" && allow && !("Condition" in s) && allowsAnyone(s.Principal)) {
      warn([...path, "Principal"], "any AWS account may assume this role: name the principals, or add a Condition");
    }
  }
  return warnings;
}

function allowsAnyone(principal: unknown): boolean {
  if (principal === "*") return true;
  return isObject(principal) && stringsOf(principal.AWS, []).some(([, p]) => p === "*");
}
