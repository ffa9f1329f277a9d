import { userName } from "../shared/options.js";
import { detachPolicyCommand } from "../shared/attached-policies.js";

export default detachPolicyCommand({
  name: "iam-userdetachpolicy",
  kind: "user",
  entity: userName(),
  example: "iam-userdetachpolicy -u david -a arn:aws:iam::123456789012:policy/ReadReports",
});
