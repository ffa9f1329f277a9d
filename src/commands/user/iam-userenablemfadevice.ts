import { defineCommand } from "../../core/define.js";
import { deviceCodesRequest } from "../../iam/mfa.js";
import { authenticationCodes, serialNumber, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-userenablemfadevice",
  summary: "Assign an MFA device to a user, proven by two consecutive codes from it; the user then signs in with it.",
  operations: ["EnableMFADevice"],
  euare: true,
  positional: "userName",
  options: [userName(), serialNumber(), ...authenticationCodes()],
  example: "iam-userenablemfadevice -u david -s arn:aws:iam::123456789012:mfa/david -c1 123456 -c2 654321",
  async run({ iam }, opts) {
    await iam.enableMFADevice(deviceCodesRequest(opts));
    return {};
  },
});
