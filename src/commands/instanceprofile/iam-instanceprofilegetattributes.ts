import { defineCommand } from "../../core/define.js";
import { instanceProfileName } from "../shared/options.js";

export default defineCommand({
  name: "iam-instanceprofilegetattributes",
  summary: "Show an instance profile's ARN and id, and the ARN of the role it holds.",
  operations: ["GetInstanceProfile"],
  euare: true,
  positional: "instanceProfileName",
  options: [instanceProfileName()],
  output: ["instance profile ARN", "instance profile id", "one role ARN per line (none when the profile is empty)"],
  example: "iam-instanceprofilegetattributes -s webserver",
  run: async ({ iam }, { instanceProfileName }) => ({
    InstanceProfile: (await iam.getInstanceProfile({ InstanceProfileName: instanceProfileName })).InstanceProfile!,
  }),
  render: ({ InstanceProfile }) => [
    InstanceProfile.Arn!,
    InstanceProfile.InstanceProfileId!,
    ...(InstanceProfile.Roles ?? []).map((role) => role.Arn!),
  ],
});
