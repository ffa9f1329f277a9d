import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { IAM } from "@aws-sdk/client-iam";
import { STS } from "@aws-sdk/client-sts";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../dist/commands/index.js";
import { ROOT } from "./harness/moto.js";

/**
 * A spec's `operations` decides whether --dry-run is offered and what the docs list; this derives
 * the operations each command can call from its source and compares.
 *
 * Why static, and why by declaration: a recorded run sees only the paths its arguments take (-r,
 * -k, --wait each add calls), so proving that a listed operation is never called would need every
 * path run. Reading the source sees them all. The bundle's inputs (dist/bundle/inputs.json) say
 * which files a command loads, but whole files over-count: tagging.ts calls TagUser and TagRole,
 * managed-policies.ts holds the recursive delete beside the version-id option. So this follows
 * references from the command module's default export, declaration by declaration, through every
 * source file it imports; a call inside a table entry keyed by an entity kind ("user", "role")
 * counts only for the command built for that kind, and only when that command uses the entry.
 */

const IAM_ACTIONS = actionsOf(IAM.prototype, "");
const STS_ACTIONS = actionsOf(STS.prototype, "sts:");

function actionsOf(prototype: object, prefix: string): Map<string, string> {
  return new Map(
    Object.getOwnPropertyNames(prototype)
      .filter((method) => method !== "constructor")
      .map((method) => [method, `${prefix}${method[0].toUpperCase()}${method.slice(1)}`]),
  );
}

interface Call {
  action: string;
  /** The keys of the object entries the call sits in, outermost first (`["user", "tag"]` in `{ user: { tag: ... } }`). */
  keys: string[];
}

interface SourceFile {
  /** Top-level declarations by name; `default` is the default export. */
  declarations: Map<string, ts.Node>;
  /** Imported or re-exported names: local name -> the file and name they come from. */
  imports: Map<string, { file: string; name: string }>;
  /** Local names exported under another name. */
  aliases: Map<string, string>;
}

const parsed = new Map<string, SourceFile>();

/** The .ts source a relative import names, or undefined for packages and Node built-ins. */
function sourceOf(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const file = resolve(dirname(from), specifier.replace(/\.js$/, ".ts"));
  return existsSync(file) ? file : undefined;
}

function parse(file: string): SourceFile {
  const known = parsed.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const result: SourceFile = { declarations: new Map(), imports: new Map(), aliases: new Map() };
  const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      if (statement.name) result.declarations.set(statement.name.text, statement);
      if (isDefault(statement)) result.declarations.set("default", statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) result.declarations.set(declaration.name.text, declaration);
      }
    } else if (ts.isExportAssignment(statement)) {
      result.declarations.set("default", statement.expression);
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const from = sourceOf(file, statement.moduleSpecifier.text);
      const clause = statement.importClause;
      if (!from || !clause || clause.isTypeOnly) continue;
      if (clause.name) result.imports.set(clause.name.text, { file: from, name: "default" });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) result.imports.set(bindings.name.text, { file: from, name: "*" });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          result.imports.set(element.name.text, { file: from, name: (element.propertyName ?? element.name).text });
        }
      }
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? sourceOf(file, statement.moduleSpecifier.text) : file;
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        if (from === file) result.aliases.set(element.name.text, local);
        else if (from) result.imports.set(element.name.text, { file: from, name: local });
      }
    }
  }
  parsed.set(file, result);
  return result;
}

/** The IAM and STS calls written in a declaration, the names it refers to, and the properties it reads (`api.tag`). */
function scan(node: ts.Node): { calls: Call[]; names: Set<string>; properties: Set<string>; dynamicImports: string[] } {
  const calls: Call[] = [];
  const names = new Set<string>();
  const properties = new Set<string>();
  const dynamicImports: string[] = [];
  const visit = (child: ts.Node, keys: string[]) => {
    if (ts.isPropertyAssignment(child) && (ts.isIdentifier(child.name) || ts.isStringLiteral(child.name))) {
      keys = [...keys, child.name.text];
    }
    if (ts.isCallExpression(child)) {
      const callee = child.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const action = IAM_ACTIONS.get(callee.name.text) ?? STS_ACTIONS.get(callee.name.text);
        if (action) calls.push({ action, keys });
      }
      if (callee.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(child.arguments[0])) dynamicImports.push(child.arguments[0].text);
    }
    // The key of an entry is a name given, not a name used.
    const isKey = (ts.isPropertyAssignment(child.parent) || ts.isMethodDeclaration(child.parent)) && child.parent.name === child;
    if (ts.isIdentifier(child) && !isKey) names.add(child.text);
    if (ts.isPropertyAccessExpression(child)) properties.add(child.name.text);
    ts.forEachChild(child, (grandchild) => visit(grandchild, keys));
  };
  visit(node, []);
  return { calls, names, properties, dynamicImports };
}

/** The string given as `kind` in the object a command module passes to its factory, if any. */
function kindOf(module: string): string | undefined {
  const exported = parse(module).declarations.get("default");
  if (!exported || !ts.isCallExpression(exported)) return undefined;
  const argument = exported.arguments[0];
  if (!argument || !ts.isObjectLiteralExpression(argument)) return undefined;
  const kind = argument.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === "kind");
  return kind && ts.isPropertyAssignment(kind) && ts.isStringLiteral(kind.initializer) ? kind.initializer.text : undefined;
}

const MODULES = readdirSync(join(ROOT, "src/commands"), { recursive: true, encoding: "utf8" })
  .filter((path) => /(^|\/)iam-[a-z]+\.ts$/.test(path))
  .map((path) => join(ROOT, "src/commands", path));
const KINDS = new Set(MODULES.map(kindOf).filter((kind) => kind !== undefined));

/**
 * A call in a per-kind table (`{ user: { tag: (iam, ...) => iam.tagUser(...) } }`) is made only
 * by the command built for that kind, and only when the code reached uses the entry (`api.tag`).
 */
function isCalled({ keys }: Call, kind: string | undefined, used: Set<string>): boolean {
  const at = keys.findIndex((key) => KINDS.has(key));
  if (at < 0) return true;
  return keys[at] === kind && (at + 1 === keys.length || used.has(keys[at + 1]));
}

/** Every operation the command module can reach, following references from its default export. */
function reachableOperations(module: string): Set<string> {
  const calls: Call[] = [];
  const used = new Set<string>();
  const seen = new Set<string>();
  const pending: { file: string; name: string }[] = [{ file: module, name: "default" }];
  while (pending.length > 0) {
    const { file, name } = pending.pop()!;
    const key = `${file}#${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const source = parse(file);
    if (name === "*") {
      for (const declared of source.declarations.keys()) pending.push({ file, name: declared });
      continue;
    }
    const imported = source.imports.get(name);
    if (imported) pending.push(imported);
    const declaration = source.declarations.get(source.aliases.get(name) ?? name);
    if (!declaration) continue;
    const found = scan(declaration);
    calls.push(...found.calls);
    for (const property of found.properties) used.add(property);
    for (const referred of found.names) {
      if (source.declarations.has(referred) || source.aliases.has(referred)) pending.push({ file, name: referred });
      const from = source.imports.get(referred);
      if (from) pending.push(from);
    }
    for (const specifier of found.dynamicImports) {
      const target = sourceOf(file, specifier);
      if (target) pending.push({ file: target, name: "*" });
    }
  }
  const kind = kindOf(module);
  return new Set(calls.filter((call) => isCalled(call, kind, used)).map((call) => call.action));
}

describe("each spec's operations are the IAM operations its command calls", () => {
  const specs = new Map<string, { operations: readonly string[] }>(COMMANDS.map((spec: { name: string; operations: readonly string[] }) => [spec.name, spec]));

  it("finds the source of every command", () => {
    expect(MODULES.map((module) => module.match(/(iam-[a-z]+)\.ts$/)![1]).sort()).toEqual([...specs.keys()].sort());
    // The table-driven factories are recognised, so the per-kind filter below is in force.
    expect([...KINDS].sort()).toEqual(["OIDC provider", "SAML provider", "group", "instance profile", "policy", "role", "server certificate", "user", "virtual MFA device"]);
  });

  for (const module of MODULES) {
    const name = module.match(/(iam-[a-z]+)\.ts$/)![1];
    it(`${name} (${relative(ROOT, module)})`, () => {
      expect([...reachableOperations(module)].sort()).toEqual([...specs.get(name)!.operations].sort());
    });
  }
});
