import { defineCommand } from "../../core/define.js";
import { ownerUserName, maxItems } from "../shared/options.js";
import { items } from "../../iam/paginate.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-userlistmfadevices",
  summary: "List the serial numbers of the MFA devices assigned to a user.",
  operations: ["ListMFADevices"],
  euare: true,
  positional: "userName",
  options: [ownerUserName("MFA devices"), maxItems()],
  output: ["one serial number per line (a virtual device's is its ARN)", "IsTruncated: false"],
  example: "iam-userlistmfadevices -u david",
  run: async ({ iam }, { userName, maxItems }) => ({
    MFADevices: items((Marker, MaxItems) => iam.listMFADevices({ UserName: userName, Marker, MaxItems }), (page) => page.MFADevices, maxItems),
  }),
  render: ({ MFADevices }) => streamedListLines(MFADevices, (device) => device.SerialNumber),
});
