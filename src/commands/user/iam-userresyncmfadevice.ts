import { defineCommand } from "../../cli/define.js";
import { authenticationCodes, serialNumber, userName } from "../../cli/options.js";

interface Options {
  userName: string;
  serialNumber: string;
  authenticationCode1: string;
  authenticationCode2: string;
}

export default defineCommand<Options>({
  name: "iam-userresyncmfadevice",
  summary: "Bring IAM back in step with a user's MFA device whose clock has drifted, using two consecutive codes from it.",
  operations: ["ResyncMFADevice"],
  euare: true,
  positional: "userName",
  options: [userName(), serialNumber(), ...authenticationCodes()],
  example: "iam-userresyncmfadevice -u david -s GAHT12345678 -c1 123456 -c2 654321",
  async run({ iam }, { userName, serialNumber, authenticationCode1, authenticationCode2 }) {
    await iam.resyncMFADevice({
      UserName: userName,
      SerialNumber: serialNumber,
      AuthenticationCode1: authenticationCode1,
      AuthenticationCode2: authenticationCode2,
    });
    return {};
  },
});
