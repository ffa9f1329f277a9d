import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IAM } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../dist/commands/index.js";
import { operationsDoc, sdkOperations } from "../../dist/gen/operations.js";
import { ROOT } from "../harness/moto.js";

const SDK = `@aws-sdk/client-iam ${JSON.parse(readFileSync(join(ROOT, "node_modules/@aws-sdk/client-iam/package.json"), "utf8")).version}`;

describe("docs/operations.md", () => {
  it("is what npm run generate writes from the command table and the installed SDK", () => {
    expect(readFileSync(join(ROOT, "docs/operations.md"), "utf8")).toBe(operationsDoc(COMMANDS, sdkOperations(IAM), SDK));
  });

  it("lists every operation of the SDK once, each with its callers or a reason", () => {
    const rows = readFileSync(join(ROOT, "docs/operations.md"), "utf8").match(/^\| `\w+` \| .+ \|$/gm) ?? [];
    expect(rows.map((row) => row.split("`")[1])).toEqual(sdkOperations(IAM));
  });

  it("refuses to generate when a command calls an operation the table gives a reason for", () => {
    const rogue = { ...COMMANDS[0], name: "iam-rogue", operations: ["EnableOrganizationsRootSessions"] };
    expect(() => operationsDoc([...COMMANDS, rogue], sdkOperations(IAM), SDK)).toThrow(/EnableOrganizationsRootSessions is called by iam-rogue but has a reason/);
  });
});
