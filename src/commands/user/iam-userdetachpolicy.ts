import { userName } from "../../cli/options.js";
import { detachPolicyCommand } from "../../iam/attached-policies.js";

export default detachPolicyCommand({
  name: "iam-userdetachpolicy",
  kind: "user",
  entity: userName(),
  example: "iam-userdetachpolicy -u david -a arn:aws:iam::123456789012:policy/ReadReports",
});
