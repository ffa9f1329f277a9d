import { checkVirtualSerialNumber } from "../../iam/mfa.js";
import { serialNumber } from "../shared/options.js";
import { tagCommand } from "../shared/tagging.js";

export default tagCommand({
  name: "iam-virtualmfadevicetag",
  kind: "virtual MFA device",
  entity: serialNumber("the virtual device's serial number, which is its ARN", checkVirtualSerialNumber),
  example: "iam-virtualmfadevicetag -s arn:aws:iam::123456789012:mfa/david -t owner=david",
});
