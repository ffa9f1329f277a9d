import { checkVirtualSerialNumber } from "../../iam/mfa.js";
import { serialNumber } from "../shared/options.js";
import { listTagsCommand } from "../shared/tagging.js";

export default listTagsCommand({
  name: "iam-virtualmfadevicelisttags",
  kind: "virtual MFA device",
  entity: serialNumber("the virtual device's serial number, which is its ARN", checkVirtualSerialNumber),
  example: "iam-virtualmfadevicelisttags -s arn:aws:iam::123456789012:mfa/david",
});
