import type { User } from "@aws-sdk/client-iam";
import { defineCommand } from "../../core/define.js";
import { PartialFailure } from "../../core/errors.js";
import { checkTags, groupName, path, permissionsBoundary, tags, userName, verbose } from "../shared/options.js";
import {
  checkDelivery,
  deliverKey,
  deliveryOptions,
  prepareDelivery,
  type DeliveredKey,
  type DeliveryOptions,
} from "../shared/key-delivery.js";
import { checkName } from "../../iam/names.js";
import { checkReferences, existingGroup, existingPolicy } from "../../iam/references.js";

/** A word for a shell command line: quoted unless it is plainly one word. */
const shellWord = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`);

/** The iam-useraddkey command that gives the user its key as -k would have, delivered the same way. */
function addKeyCommand(userName: string, opts: DeliveryOptions): string {
  const flags = [
    ...(opts.writeCredentialFile !== undefined ? ["--write-credential-file", shellWord(opts.writeCredentialFile)] : []),
    ...(opts.writeProfile !== undefined ? ["--write-profile", shellWord(opts.writeProfile)] : []),
    ...(opts.force ? ["--force"] : []),
    ...(opts.wait ? ["--wait"] : []),
    ...(opts.waitTimeout !== undefined ? ["--wait-timeout", String(opts.waitTimeout)] : []),
  ];
  return ["iam-useraddkey", "-u", userName, ...flags].join(" ");
}

interface Result {
  User: User;
  Groups: string[];
  AccessKey?: DeliveredKey;
}

export default defineCommand({
  name: "iam-usercreate",
  summary: "Create a user, optionally adding it to groups and giving it an access key.",
  operations: ["GetGroup", "GetPolicy", "CreateUser", "AddUserToGroup", "CreateAccessKey", "sts:GetCallerIdentity", "DeleteAccessKey"],
  euare: true,
  positional: "userName",
  options: [
    userName(),
    path("user"),
    {
      ...groupName({ required: false }),
      key: "groups",
      metavar: "GROUPS",
      description: "add the user to this group; repeat -g or give a comma-separated list",
      repeatable: true,
      parse: (raw) => raw.split(",").map((name) => checkName("group", name.trim())),
    },
    { key: "createKey", short: "k", long: "create-accesskey", description: "create an access key for the user" },
    verbose("print the new user's ARN and id"),
    tags(),
    permissionsBoundary(),
    ...deliveryOptions(),
  ],
  check: (opts) => checkTags(opts.tags) ?? checkDelivery(opts, Boolean(opts.createKey), "-k"),
  output: [
    "[with -k] access key id",
    "[with -k, unless written with --write-credential-file or --write-profile] secret access key",
    "[with -v] user ARN",
    "[with -v] user id",
  ],
  example: "iam-usercreate -u david -g Admin -k -v",

  async run(ctx, opts): Promise<Result> {
    const { userName, path, groups = [], createKey, tags, permissionsBoundary } = opts;
    const iam = ctx.iam;
    const target = await prepareDelivery(ctx, opts);
    await checkReferences(ctx, [...groups.flat().map(existingGroup), ...(permissionsBoundary ? [existingPolicy(permissionsBoundary)] : [])]);
    const { User } = await iam.createUser({
      UserName: userName,
      Path: path,
      Tags: tags,
      PermissionsBoundary: permissionsBoundary,
    });
    const done: string[] = [`created user ${userName}`];
    const added: string[] = [];
    try {
      for (const group of groups.flat()) {
        await iam.addUserToGroup({ GroupName: group, UserName: userName });
        added.push(group);
        done.push(`added it to group ${group}`);
      }
      const key = createKey ? (await iam.createAccessKey({ UserName: userName })).AccessKey! : undefined;
      return { User: User!, Groups: added, AccessKey: createKey ? await deliverKey(ctx, key!, target, opts) : undefined };
    } catch (err) {
      // The user exists now; say so, so a rerun does not fail on EntityAlreadyExists unexplained,
      // and say what finishes the job.
      const rest = [
        ...groups.flat().filter((group) => !added.includes(group)).map((group) => `iam-groupadduser -g ${group} -u ${userName}`),
        ...(createKey ? [addKeyCommand(userName, opts)] : []),
      ];
      throw new PartialFailure(err, [`done before the failure: ${done.join("; ")}`, ...(rest.length > 0 ? [`to finish: ${rest.join("; ")}`] : [])]);
    }
  },

  // The secret is absent once it was written to a file; -v still prints the ARN and id, never a secret.
  render: ({ User, AccessKey }, opts) => [
    ...(AccessKey ? [AccessKey.AccessKeyId!, ...(AccessKey.SecretAccessKey ? [AccessKey.SecretAccessKey] : [])] : []),
    ...(opts.verbose ? [User.Arn!, User.UserId!] : []),
  ],
});
