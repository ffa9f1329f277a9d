import { defineCommand } from "../../core/define.js";
import { serialNumber, userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-userdeactivatemfadevice",
  summary: "Take an MFA device away from a user; a virtual device stays in the account until deleted.",
  operations: ["DeactivateMFADevice"],
  euare: true,
  positional: "userName",
  options: [userName(), serialNumber()],
  example: "iam-userdeactivatemfadevice -u david -s arn:aws:iam::123456789012:mfa/david",
  async run({ iam }, { userName, serialNumber }) {
    await iam.deactivateMFADevice({ UserName: userName, SerialNumber: serialNumber });
    return {};
  },
});
