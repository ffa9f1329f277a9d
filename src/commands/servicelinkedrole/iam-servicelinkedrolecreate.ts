import { defineCommand } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import { roleDescription, verbose } from "../shared/options.js";

export default defineCommand({
  name: "iam-servicelinkedrolecreate",
  summary: "Create the role an AWS service uses to act in the account, with the permissions the service defines.",
  operations: ["CreateServiceLinkedRole"],
  options: [
    {
      key: "service",
      short: "s",
      long: "aws-service-name",
      metavar: "SERVICE",
      description: "the service the role is for, such as elasticbeanstalk.amazonaws.com",
      required: true,
      parse: (raw) => {
        if (!/^[\w+=,.@-]+\.amazonaws\.com(\.cn)?$/.test(raw)) throw new UsageError(`invalid service "${raw}": expected a service principal such as autoscaling.amazonaws.com`);
        return raw;
      },
    },
    roleDescription("what the role is for, up to 1,000 characters"),
    {
      key: "suffix",
      long: "suffix",
      metavar: "SUFFIX",
      description: "added to the role's name (AWSServiceRoleForX_SUFFIX), for services that allow several roles",
      parse: (raw) => {
        if (!/^[\w+=,.@-]{1,64}$/.test(raw)) throw new UsageError(`invalid suffix "${raw}": use up to 64 letters, digits and + = , . @ _ -`);
        return raw;
      },
    },
    verbose("print the new role's ARN"),
  ],
  output: ["[with -v] the role's ARN, whose last part is the name IAM chose"],
  example: "iam-servicelinkedrolecreate -s autoscaling.amazonaws.com --suffix web -v",
  async run({ iam }, { service, description, suffix }) {
    const { Role } = await iam.createServiceLinkedRole({ AWSServiceName: service, Description: description, CustomSuffix: suffix });
    return { Role };
  },
  render: ({ Role }, { verbose }) => (verbose ? [Role?.Arn ?? ""] : []),
});
