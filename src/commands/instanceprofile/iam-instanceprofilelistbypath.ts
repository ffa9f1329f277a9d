import type { InstanceProfile } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { collect } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { listLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { InstanceProfiles: InstanceProfile[] }>({
  name: "iam-instanceprofilelistbypath",
  summary: "List the ARNs of the account's instance profiles, optionally only those under a path.",
  operations: ["ListInstanceProfiles"],
  euare: true,
  options: [pathPrefix("instance profiles")],
  output: ["one instance profile ARN per line", "IsTruncated: false"],
  example: "iam-instanceprofilelistbypath -p /web/",
  async run({ iam }, { pathPrefix = "/" }) {
    const profiles = await collect(
      (Marker) => iam.listInstanceProfiles({ PathPrefix: pathPrefix, Marker }),
      (page) => page.InstanceProfiles,
    );
    return { InstanceProfiles: underPath(profiles, pathPrefix) };
  },
  render: ({ InstanceProfiles }) => listLines(InstanceProfiles.map((p) => p.Arn)),
});
