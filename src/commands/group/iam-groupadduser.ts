import { groupMembershipCommand } from "../shared/request-families.js";

export default groupMembershipCommand({
  name: "iam-groupadduser",
  summary: "Make a user a member of a group.",
  operation: "AddUserToGroup",
  example: "iam-groupadduser -g Admin -u david",
});
