import type { InstanceProfile } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { PartialFailure } from "../../core/errors.js";
import { checkTags, instanceProfileName, path, roleName, tags, verbose } from "../shared/options.js";
import { checkReferences, existingRole } from "../../iam/references.js";

interface Result {
  InstanceProfile: InstanceProfile;
  /** The role put into the new profile with -r. */
  AddedRole?: string;
}

export default defineCommand({
  name: "iam-instanceprofilecreate",
  summary: "Create an instance profile, optionally putting a role into it straight away.",
  operations: ["GetRole", "CreateInstanceProfile", "AddRoleToInstanceProfile"],
  euare: true,
  positional: "instanceProfileName",
  options: [
    instanceProfileName(),
    path("instance profile"),
    {
      ...roleName({ required: false }),
      // euca2ools' spelling; --role-name, this family's usual one, is accepted too.
      long: "add-role",
      aliases: ["--role-name"],
      description: "put this role into the new instance profile",
    },
    verbose("print the new instance profile's ARN and id"),
    tags(),
  ],
  check: (opts) => checkTags(opts.tags),
  output: ["[with -v] instance profile ARN", "[with -v] instance profile id"],
  example: "iam-instanceprofilecreate -s webserver -r webserver -p /",

  async run(ctx, { instanceProfileName, path, roleName, tags }): Promise<Result> {
    const { iam } = ctx;
    await checkReferences(ctx, roleName === undefined ? [] : [existingRole(roleName)]);
    const { InstanceProfile } = await iam.createInstanceProfile({
      InstanceProfileName: instanceProfileName,
      Path: path,
      Tags: tags,
    });
    if (roleName === undefined) return { InstanceProfile: InstanceProfile! };
    try {
      await iam.addRoleToInstanceProfile({ InstanceProfileName: instanceProfileName, RoleName: roleName });
    } catch (err) {
      // The profile exists now; say so, so that a rerun does not fail on EntityAlreadyExists unexplained.
      const retry = `iam-instanceprofileaddrole -s ${instanceProfileName} -r ${roleName}`;
      throw new PartialFailure(err, [`instance profile ${instanceProfileName} was created without its role; add it with ${retry}`]);
    }
    return { InstanceProfile: InstanceProfile!, AddedRole: roleName };
  },

  render: ({ InstanceProfile }, { verbose }) => (verbose ? [InstanceProfile.Arn!, InstanceProfile.InstanceProfileId!] : []),
});
