import type { InstanceProfile } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { roleName } from "../../cli/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ roleName: string }, { InstanceProfiles: AsyncIterable<InstanceProfile> }>({
  name: "iam-instanceprofilelistforrole",
  summary: "List the ARNs of the instance profiles that hold a role.",
  operations: ["ListInstanceProfilesForRole"],
  euare: true,
  positional: "roleName",
  options: [roleName()],
  output: ["one instance profile ARN per line", "IsTruncated: false"],
  example: "iam-instanceprofilelistforrole -r webserver",
  run: async ({ iam }, { roleName }) => ({
    InstanceProfiles: items(
      (Marker) => iam.listInstanceProfilesForRole({ RoleName: roleName, Marker }),
      (page) => page.InstanceProfiles,
    ),
  }),
  render: ({ InstanceProfiles }) => streamedListLines(InstanceProfiles, (p) => p.Arn),
});
