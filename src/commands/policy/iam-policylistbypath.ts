import { defineCommand } from "../../core/define.js";
import { pathPrefix, maxItems } from "../shared/options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-policylistbypath",
  summary: "List the ARNs of the account's managed policies, optionally only those under a path or attached somewhere.",
  operations: ["ListPolicies"],
  options: [
    pathPrefix("policies"),
    {
      key: "scope",
      short: "s",
      long: "scope",
      metavar: "SCOPE",
      // IAM's own default is All, which buries the account's policies under a thousand of AWS's.
      description: "Local (the account's own policies, the default), AWS (AWS managed policies) or All",
      choices: ["Local", "AWS", "All"],
    },
    { key: "onlyAttached", long: "only-attached", description: "list only policies attached to a user, group or role" },
    maxItems({ accountWide: true }),
  ],
  output: ["one policy ARN per line", "IsTruncated: false"],
  example: "iam-policylistbypath -p /reports/ --only-attached",
  run: async ({ iam }, { pathPrefix, scope = "Local", onlyAttached, maxItems }) => ({
    Policies: items(
      (Marker, MaxItems) => iam.listPolicies({ Scope: scope, PathPrefix: pathPrefix, OnlyAttached: onlyAttached, Marker, MaxItems }),
      (page) => page.Policies,
      maxItems ?? ACCOUNT_WIDE_PAGE_SIZE,
    ),
  }),
  render: ({ Policies }) => streamedListLines(Policies, (p) => p.Arn),
});
