import type { ServerCertificateMetadata } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { pathPrefix, maxItems } from "../shared/options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string; maxItems?: number }, { ServerCertificateMetadataList: AsyncIterable<ServerCertificateMetadata> }>({
  name: "iam-servercertlistbypath",
  summary: "List the ARNs of the account's server certificates, optionally only those under a path.",
  operations: ["ListServerCertificates"],
  euare: true,
  options: [pathPrefix("server certificates"), maxItems({ accountWide: true })],
  output: ["one server certificate ARN per line", "IsTruncated: false"],
  example: "iam-servercertlistbypath -p /cloudfront/",
  run: async ({ iam }, { pathPrefix = "/", maxItems }) => ({
    ServerCertificateMetadataList: items(
      (Marker, MaxItems) => iam.listServerCertificates({ PathPrefix: pathPrefix, Marker, MaxItems }),
      (page) => underPath(page.ServerCertificateMetadataList ?? [], pathPrefix),
      maxItems ?? ACCOUNT_WIDE_PAGE_SIZE,
    ),
  }),
  render: ({ ServerCertificateMetadataList }) => streamedListLines(ServerCertificateMetadataList, (m) => m.Arn),
});
