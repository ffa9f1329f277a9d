import { defineCommand } from "../../core/define.js";
import { deviceCodesRequest } from "../../iam/mfa.js";
import { authenticationCodes, serialNumber, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-userresyncmfadevice",
  summary: "Bring IAM back in step with a user's MFA device whose clock has drifted, using two consecutive codes from it.",
  operations: ["ResyncMFADevice"],
  euare: true,
  positional: "userName",
  options: [userName(), serialNumber(), ...authenticationCodes()],
  example: "iam-userresyncmfadevice -u david -s GAHT12345678 -c1 123456 -c2 654321",
  async run({ iam }, opts) {
    await iam.resyncMFADevice(deviceCodesRequest(opts));
    return {};
  },
});
