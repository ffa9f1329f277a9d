import type { AccessKey } from "@aws-sdk/client-iam";
import { defineCommand } from "../../cli/define.js";
import { ownerUserName } from "../../cli/options.js";

export default defineCommand<{ userName?: string }, { AccessKey: AccessKey }>({
  name: "iam-useraddkey",
  summary: "Create a new access key for a user and print its id and secret.",
  operations: ["CreateAccessKey"],
  euare: true,
  positional: "userName",
  options: [ownerUserName("new key")],
  output: ["access key id", "secret access key"],
  example: "iam-useraddkey -u david",
  run: async ({ iam }, { userName }) => ({ AccessKey: (await iam.createAccessKey({ UserName: userName })).AccessKey! }),
  render: ({ AccessKey }) => [AccessKey.AccessKeyId!, AccessKey.SecretAccessKey!],
});
