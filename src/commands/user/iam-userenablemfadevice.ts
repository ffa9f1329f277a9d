import { defineCommand } from "../../cli/define.js";
import { authenticationCodes, serialNumber, userName } from "../../cli/options.js";

interface Options {
  userName: string;
  serialNumber: string;
  authenticationCode1: string;
  authenticationCode2: string;
}

export default defineCommand<Options>({
  name: "iam-userenablemfadevice",
  summary: "Assign an MFA device to a user, proven by two consecutive codes from it; the user then signs in with it.",
  operations: ["EnableMFADevice"],
  euare: true,
  positional: "userName",
  options: [userName(), serialNumber(), ...authenticationCodes()],
  example: "iam-userenablemfadevice -u david -s arn:aws:iam::123456789012:mfa/david -c1 123456 -c2 654321",
  async run({ iam }, { userName, serialNumber, authenticationCode1, authenticationCode2 }) {
    await iam.enableMFADevice({
      UserName: userName,
      SerialNumber: serialNumber,
      AuthenticationCode1: authenticationCode1,
      AuthenticationCode2: authenticationCode2,
    });
    return {};
  },
});
