import { defineCommand } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import { lastAccessedServices } from "../../iam/access-advisor.js";
import { streamedListLines } from "../../output/print.js";

const ENTITY_ARN = /^arn:aws[\w-]*:iam::(\d{12}|aws):(user|group|role|policy)\/([\x21-\x7e]*\/)?[\w+=,.@-]{1,128}$/;

export default defineCommand({
  name: "iam-accountaccessadvisor",
  summary: "Show which services a user, group, role or managed policy gives access to, and when each was last used.",
  operations: ["GenerateServiceLastAccessedDetails", "GetServiceLastAccessedDetails"],
  options: [
    {
      key: "arn",
      short: "a",
      long: "arn",
      metavar: "ARN",
      description: "the ARN of the user, group, role or managed policy to report on",
      required: true,
      parse: (raw) => {
        if (!ENTITY_ARN.test(raw)) throw new UsageError(`invalid ARN "${raw}": expected the ARN of a user, group, role or managed policy`);
        return raw;
      },
    },
  ],
  output: [
    "per service, tab-separated: its namespace (s3, ec2...), when it was last used (ISO 8601) or never, and the entity that used it last",
    "IsTruncated: false",
  ],
  example: "iam-accountaccessadvisor -a arn:aws:iam::123456789012:role/deploy",
  run: async ({ iam, debug }, { arn }) => ({ ServicesLastAccessed: await lastAccessedServices(iam, arn, debug) }),
  render: ({ ServicesLastAccessed }) =>
    streamedListLines(ServicesLastAccessed, (s) =>
      [s.ServiceNamespace, s.LastAuthenticated?.toISOString() ?? "never", ...(s.LastAuthenticatedEntity ? [s.LastAuthenticatedEntity] : [])].join("\t"),
    ),
});
