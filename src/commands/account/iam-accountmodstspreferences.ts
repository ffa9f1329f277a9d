import { defineCommand } from "../../core/define.js";

export default defineCommand({
  name: "iam-accountmodstspreferences",
  summary: "Choose which session tokens the global STS endpoint issues: v1Token (valid only in regions enabled by default) or v2Token (valid in every region).",
  operations: ["SetSecurityTokenServicePreferences"],
  options: [
    {
      key: "tokenVersion",
      short: "t",
      long: "global-endpoint-token-version",
      metavar: "VERSION",
      description: "v1Token, or v2Token for tokens that also work in opt-in regions (longer, and counted against larger size limits)",
      required: true,
      choices: ["v1Token", "v2Token"],
    },
  ],
  example: "iam-accountmodstspreferences -t v2Token",
  async run({ iam }, { tokenVersion }) {
    await iam.setSecurityTokenServicePreferences({ GlobalEndpointTokenVersion: tokenVersion });
    return {};
  },
});
