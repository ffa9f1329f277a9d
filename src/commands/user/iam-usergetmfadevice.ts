import { defineCommand } from "../../core/define.js";
import { keyValueLines } from "../../output/print.js";
import { ownerUserName, serialNumber } from "../shared/options.js";

export default defineCommand({
  name: "iam-usergetmfadevice",
  summary: "Show when an MFA device was enabled for its user and, for a FIDO security key, its certifications.",
  operations: ["GetMFADevice"],
  options: [ownerUserName("MFA device"), serialNumber()],
  output: ["SerialNumber: <serial>", "UserName: <user>", "EnableDate: <ISO 8601>", "per certification of a FIDO key: <name>: <level>"],
  example: "iam-usergetmfadevice -u david -s arn:aws:iam::123456789012:mfa/david",
  async run({ iam }, { userName, serialNumber }) {
    const { $metadata: _, ...device } = await iam.getMFADevice({ UserName: userName, SerialNumber: serialNumber });
    return device;
  },
  render: ({ SerialNumber, UserName, EnableDate, Certifications = {} }) =>
    keyValueLines([["SerialNumber", SerialNumber], ["UserName", UserName], ["EnableDate", EnableDate], ...Object.entries(Certifications)]),
});
