import { pretend, recursive, roleName } from "../shared/options.js";
import { recursiveDeleteCommand, whenPresent } from "../shared/recursive-delete.js";
import { DELETE_RULES } from "../../iam/delete-rules.js";

export default recursiveDeleteCommand({
  name: "iam-roledel",
  summary: "Delete a role; with -c, first take it out of its instance profiles and remove its policies.",
  rule: DELETE_RULES.DeleteRole,
  euare: true,
  positional: true,
  options: [
    roleName(),
    // -c as in euca2ools: -r is the role's name here.
    {
      ...recursive("first remove the role from its instance profiles and delete or detach its policies (a permissions boundary stays: IAM does not require its removal)"),
      short: "c",
    },
    { ...pretend(), description: "with -c: print what would be removed and change nothing" },
  ],
  check: ({ recursive, pretend }) => (pretend && !recursive ? "-p (pretend) can only be used with -c" : undefined),
  output: ["[with -c -p] instanceprofiles (ARNs) and policies sections (plus attachedpolicies when present), items tab-indented"],
  example: "iam-roledel -r webserver -c",
  // euca2ools' two sections always, in its order; attached policies, which IAM added later, when present.
  sections: (found) => [
    ["instanceprofiles", found.instanceProfiles.map((p) => p.arn)],
    ["policies", found.policies],
    ...whenPresent([["attachedpolicies", found.attachedPolicies]]),
  ],
});
