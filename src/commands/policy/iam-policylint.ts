import { defineCommand } from "../../core/define.js";
import { policyDocumentFile } from "../shared/options.js";
import { readPolicyDocument } from "../../iam/policy-input.js";

/**
 * The checks every policy upload makes, run alone and offline: errors (what IAM would refuse, and
 * the size limit) exit 2 like any refused input; warnings alone go to standard error and exit 0,
 * so that scripts fail only on what IAM would fail on. A clean document prints nothing.
 */
export default defineCommand({
  name: "iam-policylint",
  summary: "Check a policy document offline as every upload does: errors exit 2, warnings alone exit 0.",
  operations: [],
  positional: "policyDocumentFile",
  options: [
    { ...policyDocumentFile(), required: true },
    {
      key: "kind",
      long: "kind",
      metavar: "KIND",
      description: "identity (a user's, group's or role's policy, or a managed one) or trust (who may assume a role); default identity",
      choices: ["identity", "trust"],
    },
    {
      key: "entity",
      long: "entity",
      metavar: "ENTITY",
      description: "whose size limit applies to an identity policy: user, group, role or managed; default managed",
      choices: ["user", "group", "role", "managed"],
    },
    {
      key: "name",
      long: "name",
      metavar: "NAME",
      description: "the user, group, role or policy the document is for: full admin is expected only where the name says admin",
    },
  ],
  check: ({ kind, entity }) =>
    kind === "trust" && entity !== undefined ? "--entity is for identity policies; a trust policy has a size limit of its own" : undefined,
  example: "iam-policylint -f read-reports.json --entity group --name Reporters",
  async run(ctx, { policyDocumentFile, kind = "identity", entity = "managed", name }) {
    await readPolicyDocument(ctx, { policyDocumentFile }, { entity: kind === "trust" ? "trust" : entity, name });
    return {};
  },
});
