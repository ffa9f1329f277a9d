import { deviceCodesCommand } from "../shared/request-families.js";

export default deviceCodesCommand({
  name: "iam-userresyncmfadevice",
  summary: "Bring IAM back in step with a user's MFA device whose clock has drifted, using two consecutive codes from it.",
  operation: "ResyncMFADevice",
  example: "iam-userresyncmfadevice -u david -s GAHT12345678 -c1 123456 -c2 654321",
});
