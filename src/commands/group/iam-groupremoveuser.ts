import { groupMembershipCommand } from "../shared/request-families.js";

export default groupMembershipCommand({
  name: "iam-groupremoveuser",
  summary: "Take a user out of a group; the user itself is kept.",
  operation: "RemoveUserFromGroup",
  example: "iam-groupremoveuser -g Admin -u david",
});
