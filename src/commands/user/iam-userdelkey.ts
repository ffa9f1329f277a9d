import { defineCommand } from "../../core/define.js";
import { accessKeyId, ownerUserName } from "../shared/options.js";

export default defineCommand({
  name: "iam-userdelkey",
  summary: "Delete one of a user's access keys for good.",
  operations: ["DeleteAccessKey"],
  euare: true,
  positional: "accessKeyId",
  options: [ownerUserName("key"), accessKeyId()],
  example: "iam-userdelkey -u david -k AKIAIOSFODNN7EXAMPLE",
  async run({ iam }, { userName, accessKeyId }) {
    await iam.deleteAccessKey({ UserName: userName, AccessKeyId: accessKeyId });
    return {};
  },
});
