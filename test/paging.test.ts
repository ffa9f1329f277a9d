import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness/moto.js";

/**
 * Every IAM list call goes through the one paging helper (items/collect in src/iam/paginate.ts), so
 * no listing stops at IAM's first page. This reads the sources: each `iam.listX(` call must be the
 * body of a page fetcher `(…, Marker, MaxItems) => iam.listX({ …, Marker })` handed to items/collect,
 * directly or through a helper that is shown here to hand it on to them.
 */

/**
 * What a page fetcher may be handed to: items/collect themselves, or a helper whose source (in
 * `file`, matching `proof`) hands it on to them. A `list:` table entry counts only in its own file.
 */
interface Wrapper {
  handedTo: RegExp;
  file?: string;
  proof?: RegExp;
  sameFile?: boolean;
}
const PAGING_WRAPPERS: Wrapper[] = [
  { handedTo: /(?:items|collect)\(\s*$/ },
  { handedTo: /userListing\(\s*"List\w+",\s*lookup,\s*$/, file: "src/iam/delete-rules.ts", proof: /emptyIfNotImplemented\(collect\(fetchPage, pick\)/ },
  { handedTo: /listInlinePolicies\(\s*$/, file: "src/iam/inline-policies.ts", proof: /await collect\(listPage, / },
  {
    handedTo: /\blistNames: $/,
    file: "src/commands/shared/inline-policy-commands.ts",
    proof: /listInlinePolicies\(\s*\(Marker, MaxItems\) => api\.listNames\(/,
    sameFile: true,
  },
  ...["src/commands/shared/attached-policies.ts", "src/commands/shared/tagging.ts", "src/commands/shared/list-by-path-commands.ts"].map((file) => ({
    handedTo: /\blist: $/,
    file,
    proof: /items\(\s*\(Marker(?:, MaxItems)?\) => api\.list\(/,
    sameFile: true,
  })),
];

/**
 * Lists IAM answers in one response: their requests have no parameters at all, so no Marker
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html,
 * API_ListSAMLProviders.html; the SDK's ListOpenIDConnectProvidersRequest and ListSAMLProvidersRequest are empty).
 */
const ANSWERED_WHOLE = new Set(["listOpenIDConnectProviders", "listSAMLProviders"]);

/** The text of a call's arguments, from just after its opening parenthesis to the matching one. */
function argumentsAt(source: string, start: number): string {
  let depth = 1;
  let i = start;
  while (i < source.length && depth > 0) {
    if (source[i] === "(") depth++;
    if (source[i] === ")") depth--;
    i++;
  }
  return source.slice(start, i - 1);
}

/** The list calls in `source` that do not go through the paging helper, as "listX (why)". */
function unpagedListCalls(source: string, file: string): string[] {
  const problems: string[] = [];
  for (const call of source.matchAll(/\biam\.(list[A-Z]\w*)\(/g)) {
    const operation = call[1];
    if (ANSWERED_WHOLE.has(operation)) continue;
    const args = argumentsAt(source, call.index + call[0].length);
    if (!/\bMarker\b/.test(args)) {
      problems.push(`${operation} (does not pass the Marker)`);
      continue;
    }
    const before = source.slice(0, call.index);
    const fetcher = /\((?:\s*[\w$]+\s*,)*\s*Marker\s*(?:,\s*[\w$]+\s*)*\)\s*=>\s*(?:[\w$.]*)$/.exec(before);
    if (!fetcher) {
      problems.push(`${operation} (not the body of a page fetcher taking the Marker)`);
      continue;
    }
    const handedTo = before.slice(0, fetcher.index);
    const wrapper = PAGING_WRAPPERS.find((w) => w.handedTo.test(handedTo) && (!w.sameFile || w.file === file));
    if (!wrapper) problems.push(`${operation} (its page fetcher is not handed to items/collect)`);
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("IAM list calls", () => {
  const files = sourceFiles(join(ROOT, "src")).map((path) => ({ file: relative(ROOT, path), source: readFileSync(path, "utf8") }));

  it("every List* operation the code calls is paged with items/collect", () => {
    const operations = new Set<string>();
    const unpaged: string[] = [];
    for (const { file, source } of files) {
      for (const call of source.matchAll(/\biam\.(list[A-Z]\w*)\(/g)) operations.add(call[1]);
      unpaged.push(...unpagedListCalls(source, file).map((problem) => `${file}: ${problem}`));
    }
    expect(unpaged).toEqual([]);
    // The enumeration found the listings it is meant to guard (a broken pattern would find none).
    expect(operations).toContain("listServiceSpecificCredentials");
    expect(operations).toContain("listUsers");
    expect(operations.size).toBeGreaterThanOrEqual(25);
  });

  it("the wrappers a fetcher may go through hand it on to items/collect", () => {
    for (const { file, proof } of PAGING_WRAPPERS) {
      if (file && proof) expect(readFileSync(join(ROOT, file), "utf8"), file).toMatch(proof);
    }
  });

  it("flags a listing read once, without the Marker or outside the paging helper", () => {
    expect(unpagedListCalls("iam.listServiceSpecificCredentials({ UserName }).then((r) => r.ServiceSpecificCredentials)", "x.ts")).toEqual([
      "listServiceSpecificCredentials (does not pass the Marker)",
    ]);
    expect(unpagedListCalls("const first = await iam.listUsers({ Marker });", "x.ts")).toEqual([
      "listUsers (not the body of a page fetcher taking the Marker)",
    ]);
    expect(unpagedListCalls("myOwnLoop((Marker) => iam.listRoles({ Marker }))", "x.ts")).toEqual([
      "listRoles (its page fetcher is not handed to items/collect)",
    ]);
    expect(unpagedListCalls("collect((Marker) => iam.listRoles({ Marker }), (p) => p.Roles)", "x.ts")).toEqual([]);
  });
});
