import type { ServerCertificateMetadata } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { items } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { ServerCertificateMetadataList: AsyncIterable<ServerCertificateMetadata> }>({
  name: "iam-servercertlistbypath",
  summary: "List the ARNs of the account's server certificates, optionally only those under a path.",
  operations: ["ListServerCertificates"],
  euare: true,
  options: [pathPrefix("server certificates")],
  output: ["one server certificate ARN per line", "IsTruncated: false"],
  example: "iam-servercertlistbypath -p /cloudfront/",
  run: async ({ iam }, { pathPrefix = "/" }) => ({
    ServerCertificateMetadataList: items(
      (Marker) => iam.listServerCertificates({ PathPrefix: pathPrefix, Marker }),
      (page) => underPath(page.ServerCertificateMetadataList ?? [], pathPrefix),
    ),
  }),
  render: ({ ServerCertificateMetadataList }) => streamedListLines(ServerCertificateMetadataList, (m) => m.Arn),
});
