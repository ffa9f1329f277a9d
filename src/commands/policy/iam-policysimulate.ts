import { defineCommand } from "../../core/define.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";
import { maxItems } from "../shared/options.js";
import { onePolicySubject, readPolicyInputs, simulationInput } from "../shared/simulation-input.js";

export default defineCommand({
  name: "iam-policysimulate",
  summary: "Ask IAM whether policies allow actions on resources: a principal's own, or documents in files.",
  operations: ["SimulatePrincipalPolicy", "SimulateCustomPolicy"],
  options: [
    ...simulationInput(),
    {
      key: "actions",
      short: "a",
      long: "action",
      metavar: "ACTION",
      description: "an action to evaluate, such as s3:GetObject (repeatable)",
      required: true,
      repeatable: true,
    },
    {
      key: "resources",
      short: "r",
      long: "resource",
      metavar: "RESOURCE",
      description: "a resource ARN to evaluate the actions on (repeatable; default *, any resource)",
      repeatable: true,
    },
    maxItems(),
  ],
  check: onePolicySubject,
  output: ["per action and resource, tab-separated: the action, the resource, IAM's decision (allowed, explicitDeny or implicitDeny)", "IsTruncated: false"],
  example: "iam-policysimulate --principal arn:aws:iam::123456789012:user/david -a s3:GetObject -a s3:PutObject -r arn:aws:s3:::reports/*",
  async run(ctx, { principal, policyFiles, actions, resources, maxItems }) {
    const asked = { ActionNames: actions, ResourceArns: resources };
    const documents = policyFiles && (await readPolicyInputs(ctx, policyFiles));
    return {
      EvaluationResults: items(
        (Marker, MaxItems) =>
          documents
            ? ctx.iam.simulateCustomPolicy({ ...asked, PolicyInputList: documents, Marker, MaxItems })
            : ctx.iam.simulatePrincipalPolicy({ ...asked, PolicySourceArn: principal, Marker, MaxItems }),
        (page) => page.EvaluationResults,
        maxItems,
      ),
    };
  },
  render: ({ EvaluationResults }) =>
    streamedListLines(EvaluationResults, (r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision].join("\t")),
});
