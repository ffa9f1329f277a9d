import { instanceProfileName, pretend, recursive } from "../shared/options.js";
import { recursiveDeleteCommand } from "../shared/recursive-delete.js";
import { DELETE_RULES } from "../../iam/delete-rules.js";

export default recursiveDeleteCommand({
  name: "iam-instanceprofiledel",
  summary: "Delete an instance profile; with -c, first take its role out of it (the role is kept).",
  rule: DELETE_RULES.DeleteInstanceProfile,
  euare: true,
  positional: true,
  options: [
    instanceProfileName(),
    // -r names the role everywhere else in this family, so recursion takes euca2ools' role-command letter.
    { ...recursive("first take the profile's roles out of it; the roles themselves are kept"), short: "c" },
    { ...pretend(), description: "with -c: print the roles that would be taken out and change nothing" },
  ],
  check: ({ recursive, pretend }) => (pretend && !recursive ? "-p (pretend) can only be used with -c" : undefined),
  output: ["[with -c -p] a roles section, role ARNs tab-indented"],
  example: "iam-instanceprofiledel -s webserver -c",
  sections: (found) => [["roles", found.roles.map((r) => r.arn)]],
});
