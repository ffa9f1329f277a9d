import { deviceCodesCommand } from "../shared/request-families.js";

export default deviceCodesCommand({
  name: "iam-userenablemfadevice",
  summary: "Assign an MFA device to a user, proven by two consecutive codes from it; the user then signs in with it.",
  operation: "EnableMFADevice",
  example: "iam-userenablemfadevice -u david -s arn:aws:iam::123456789012:mfa/david -c1 123456 -c2 654321",
});
