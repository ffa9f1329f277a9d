import { defineCommand } from "../../core/define.js";
import { roleName, maxItems } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-instanceprofilelistforrole",
  summary: "List the ARNs of the instance profiles that hold a role.",
  operations: ["ListInstanceProfilesForRole"],
  euare: true,
  positional: "roleName",
  options: [roleName(), maxItems()],
  output: ["one instance profile ARN per line", "IsTruncated: false"],
  example: "iam-instanceprofilelistforrole -r webserver",
  run: async ({ iam }, { roleName, maxItems }) => ({
    InstanceProfiles: items(
      (Marker, MaxItems) => iam.listInstanceProfilesForRole({ RoleName: roleName, Marker, MaxItems }),
      (page) => page.InstanceProfiles,
      maxItems,
    ),
  }),
  render: ({ InstanceProfiles }) => streamedListLines(InstanceProfiles, (p) => p.Arn),
});
