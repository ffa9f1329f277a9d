import type { InstanceProfile } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { roleName } from "../../cli/options.js";
import { collect } from "../../iam/paginate.js";
import { listLines } from "../../output/print.js";

export default defineCommand<{ roleName: string }, { InstanceProfiles: InstanceProfile[] }>({
  name: "iam-instanceprofilelistforrole",
  summary: "List the ARNs of the instance profiles that hold a role.",
  operations: ["ListInstanceProfilesForRole"],
  euare: true,
  positional: "roleName",
  options: [roleName()],
  output: ["one instance profile ARN per line", "IsTruncated: false"],
  example: "iam-instanceprofilelistforrole -r webserver",
  run: async ({ iam }, { roleName }) => ({
    InstanceProfiles: await collect(
      (Marker) => iam.listInstanceProfilesForRole({ RoleName: roleName, Marker }),
      (page) => page.InstanceProfiles,
    ),
  }),
  render: ({ InstanceProfiles }) => listLines(InstanceProfiles.map((p) => p.Arn)),
});
