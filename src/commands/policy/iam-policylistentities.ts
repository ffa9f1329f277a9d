import { defineCommand } from "../../core/define.js";
import { maxItems, policyArn } from "../shared/options.js";
import { entitySections, listPolicyEntities } from "../../iam/managed-policies.js";
import { sectionLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-policylistentities",
  summary: "List the users, groups and roles a managed policy is attached to.",
  operations: ["ListEntitiesForPolicy"],
  options: [policyArn(), maxItems()],
  output: ["users, groups, roles sections, always all three, names tab-indented below each"],
  example: "iam-policylistentities -a arn:aws:iam::123456789012:policy/ReadReports",
  run: ({ iam }, { policyArn, maxItems }) => listPolicyEntities(iam, policyArn, { maxItems }),
  render: (entities) => sectionLines(entitySections(entities)),
});
