import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness/moto.js";

/**
 * A spec's `operations` decides whether --dry-run is offered and what the docs list. The compiler
 * keeps it honest: the context a command's run() receives offers only the IAM and STS methods of
 * the operations it declares, and the options object is inferred from the option specs. These
 * tests compile small command modules against the real source and check that the compiler refuses
 * the mistakes it is meant to catch, and accepts the same module written correctly.
 */

const COMMAND_DIR = join(ROOT, "src/commands/user");
const options = (() => {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
})();

/**
 * The compiler's errors for each module, all placed among the commands (they import as commands
 * do) and compiled as one program: a program costs seconds, a module more costs little.
 */
function compileAll(sources: string[]): string[][] {
  const files = sources.map((_, i) => join(COMMAND_DIR, `iam-fixture${i}.ts`));
  const byName = new Map(files.map((file, i) => [file, sources[i]]));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => byName.get(name) ?? readFile(name);
  host.fileExists = (name) => byName.has(name) || fileExists(name);
  host.getSourceFile = (name, version) => {
    const source = byName.get(name);
    return source === undefined ? getSourceFile(name, version) : ts.createSourceFile(name, source, version, true);
  };
  const program = ts.createProgram(files, { ...options, noEmit: true }, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return files.map((file) =>
    diagnostics.filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")),
  );
}

/** A command module: `operations` and the body of run() vary. */
const command = (operations: string[], body: string, optionList = "userName()") => `
import { defineCommand } from "../../core/define.js";
import { userName } from "../shared/options.js";
export default defineCommand({
  name: "iam-fixture",
  summary: "A module the compiler judges.",
  operations: ${JSON.stringify(operations)},
  options: [${optionList}],
  async run({ iam, auth }, opts) {
    void [iam, auth, opts];
    ${body}
    return {};
  },
});
`;

const deleteUser = "await iam.deleteUser({ UserName: opts.userName });";
const callerIdentity = "await (await auth.sts()).getCallerIdentity({});";
const recursiveDelete = `const { DELETE_RULES, deleteRecursively } = await import("../../iam/delete-rules.js"); await deleteRecursively(DELETE_RULES.DeleteUser, iam, opts.userName, {} as never);`;
const nameAsString = "const name: string = opts.userName; void name;";

/** Each module with what the compiler must say about it (nothing: it compiles). */
const CASES: [string, string, RegExp[]][] = [
  ["a command that calls only what it declares", command(["DeleteUser"], deleteUser), []],
  ["a call to an IAM operation it does not declare", command(["GetUser"], deleteUser), [/Property 'deleteUser' does not exist on type 'IamClient<"GetUser">'/]],
  ["an STS call without its sts: operation", command(["GetUser"], callerIdentity), [/Property 'getCallerIdentity' does not exist/]],
  ["an STS call with its sts: operation", command(["GetUser", "sts:GetCallerIdentity"], callerIdentity), []],
  ["an operation IAM does not have", command(["DeleteUsers"], ""), [/"DeleteUsers"' is not assignable to type/]],
  [
    "a domain function that needs operations the command lacks",
    command(["DeleteUser"], recursiveDelete),
    [/'IamClient<"DeleteUser">' is missing the following properties .*deactivateMFADevice, deleteAccessKey/],
  ],
  ["a required option used as a string", command(["GetUser"], nameAsString), []],
  ["an option key no spec gives", command(["GetUser"], "void opts.user;"), [/Property 'user' does not exist/]],
  [
    "an optional option used as if always given",
    command(["GetUser"], nameAsString, "userName({ required: false })"),
    [/'string \| undefined' is not assignable to type 'string'/],
  ],
];

describe("the compiler proves each command's operations and options", () => {
  const errors = compileAll(CASES.map(([, source]) => source));
  CASES.forEach(([what, , expected], i) => {
    it(`${expected.length === 0 ? "accepts" : "refuses"} ${what}`, () => {
      expect(errors[i]).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
    });
  });
});

describe("the table of actions that only read", () => {
  it("lets reads through a dry run, STS's under either spelling, and holds back every change", async () => {
    const { isReadOnly } = await import("../src/core/dry-run.js");
    // From the IAM and STS API references: these return data and change nothing.
    for (const action of ["GetUser", "ListUsers", "GenerateCredentialReport", "SimulatePrincipalPolicy", "GetCallerIdentity", "sts:GetCallerIdentity"]) {
      expect(isReadOnly(action), action).toBe(true);
    }
    for (const action of ["CreateUser", "TagUser", "UpdateAccessKey", "SetDefaultPolicyVersion", "ResyncMFADevice", "UploadSSHPublicKey", "PutUserPolicy"]) {
      expect(isReadOnly(action), action).toBe(false);
    }
  });

  it("holds back an action it does not know: a dry run never sends what it cannot vouch for", async () => {
    const { isReadOnly } = await import("../src/core/dry-run.js");
    expect(isReadOnly("GetSomethingNew")).toBe(false);
  });
});
