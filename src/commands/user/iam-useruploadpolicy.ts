import { uploadPolicyCommand } from "../shared/inline-policy-commands.js";

export default uploadPolicyCommand({
  name: "iam-useruploadpolicy",
  kind: "user",
  example: "iam-useruploadpolicy -u david -p ReadReports -f read-reports.json",
});
