import { checkVirtualSerialNumber } from "../../iam/mfa.js";
import { serialNumber } from "../shared/options.js";
import { untagCommand } from "../shared/tagging.js";

export default untagCommand({
  name: "iam-virtualmfadeviceuntag",
  kind: "virtual MFA device",
  entity: serialNumber("the virtual device's serial number, which is its ARN", checkVirtualSerialNumber),
  example: "iam-virtualmfadeviceuntag -s arn:aws:iam::123456789012:mfa/david -k owner",
});
