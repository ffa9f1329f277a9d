import { defineCommand } from "../../core/define.js";
import { serialNumber } from "../shared/options.js";
import { checkVirtualSerialNumber } from "../../iam/mfa.js";

export default defineCommand({
  name: "iam-virtualmfadevicedel",
  summary: "Delete a virtual MFA device; IAM refuses while it is still assigned to a user.",
  operations: ["DeleteVirtualMFADevice"],
  options: [serialNumber("the virtual device's serial number, which is its ARN", checkVirtualSerialNumber)],
  example: "iam-virtualmfadevicedel -s arn:aws:iam::123456789012:mfa/david",
  async run({ iam }, { serialNumber }) {
    await iam.deleteVirtualMFADevice({ SerialNumber: serialNumber });
    return {};
  },
});
