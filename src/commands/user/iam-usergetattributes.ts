import { defineCommand } from "../../core/define.js";
import { userName } from "../shared/options.js";

export default defineCommand({
  name: "iam-usergetattributes",
  summary: "Show a user's ARN and id; without -u, the user whose credentials are in use.",
  operations: ["GetUser"],
  euare: true,
  positional: "userName",
  options: [userName({ required: false, description: "the name of the user (default: the caller)" })],
  output: ["user ARN", "user id"],
  example: "iam-usergetattributes -u david",
  run: async ({ iam }, { userName }) => ({ User: (await iam.getUser({ UserName: userName })).User! }),
  render: ({ User }) => [User.Arn!, User.UserId!],
});
