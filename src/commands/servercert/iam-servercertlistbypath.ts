import type { ServerCertificateMetadata } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { pathPrefix } from "../../cli/options.js";
import { collect } from "../../iam/paginate.js";
import { underPath } from "../../iam/paths.js";
import { listLines } from "../../output/print.js";

export default defineCommand<{ pathPrefix?: string }, { ServerCertificateMetadataList: ServerCertificateMetadata[] }>({
  name: "iam-servercertlistbypath",
  summary: "List the ARNs of the account's server certificates, optionally only those under a path.",
  operations: ["ListServerCertificates"],
  euare: true,
  options: [pathPrefix("server certificates")],
  output: ["one server certificate ARN per line", "IsTruncated: false"],
  example: "iam-servercertlistbypath -p /cloudfront/",
  async run({ iam }, { pathPrefix = "/" }) {
    const certificates = await collect(
      (Marker) => iam.listServerCertificates({ PathPrefix: pathPrefix, Marker }),
      (page) => page.ServerCertificateMetadataList,
    );
    return { ServerCertificateMetadataList: underPath(certificates, pathPrefix) };
  },
  render: ({ ServerCertificateMetadataList }) => listLines(ServerCertificateMetadataList.map((m) => m.Arn)),
});
