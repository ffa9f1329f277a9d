import { defineCommand } from "../../core/define.js";
import { accessKeyId, ownerUserName, status } from "../shared/options.js";

export default defineCommand({
  name: "iam-usermodkey",
  summary: "Turn one of a user's access keys on (Active) or off (Inactive), as when rotating keys.",
  operations: ["UpdateAccessKey"],
  euare: true,
  positional: "accessKeyId",
  options: [ownerUserName("key"), accessKeyId(), status("key")],
  example: "iam-usermodkey -u david -k AKIAIOSFODNN7EXAMPLE -s Inactive",
  async run({ iam }, { userName, accessKeyId, status }) {
    await iam.updateAccessKey({ UserName: userName, AccessKeyId: accessKeyId, Status: status });
    return {};
  },
});
