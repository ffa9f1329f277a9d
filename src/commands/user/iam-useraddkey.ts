import { defineCommand } from "../../core/define.js";
import { ownerUserName } from "../shared/options.js";
import { checkDelivery, deliverKey, deliveryOptions, prepareDelivery } from "../shared/key-delivery.js";

export default defineCommand({
  name: "iam-useraddkey",
  summary: "Create a new access key for a user and print its id and secret, or write them to a credential file.",
  operations: ["CreateAccessKey", "sts:GetCallerIdentity", "DeleteAccessKey"],
  euare: true,
  positional: "userName",
  options: [ownerUserName("new key"), ...deliveryOptions()],
  check: (opts) => checkDelivery(opts, true),
  output: ["access key id", "secret access key [not with --write-credential-file or --write-profile]"],
  example: "iam-useraddkey -u david --write-profile david --wait",

  async run(ctx, opts) { const target = await prepareDelivery(ctx, opts);
    const { AccessKey } = await ctx.iam.createAccessKey({ UserName: opts.userName });
    return { AccessKey: await deliverKey(ctx, AccessKey!, target, opts) };
  },

  // The secret is absent once it was written to a file.
  render: ({ AccessKey }) => [AccessKey.AccessKeyId!, ...(AccessKey.SecretAccessKey ? [AccessKey.SecretAccessKey] : [])],
});
