import { defineCommand } from "../../core/define.js";
import { maxItems } from "../shared/options.js";
import { ACCOUNT_WIDE_PAGE_SIZE, items } from "../../iam/paginate.js";
import { withoutSecrets } from "../../iam/mfa.js";
import { streamedListLines } from "../../output/print.js";

export default defineCommand({
  name: "iam-virtualmfadevicelist",
  summary: "List the account's virtual MFA devices, with the user each assigned one belongs to.",
  operations: ["ListVirtualMFADevices"],
  options: [
    {
      key: "assignmentStatus",
      short: "a",
      long: "assignment-status",
      metavar: "STATUS",
      description: "list only devices that are Assigned to a user, or Unassigned; defaults to Any",
      choices: ["Assigned", "Unassigned", "Any"],
    },
    maxItems({ accountWide: true }),
  ],
  output: [
    "per device: its serial number (ARN), then, when it is assigned, a tab and the user's name (the root user's ARN for the account's own device)",
    "IsTruncated: false",
  ],
  example: "iam-virtualmfadevicelist -a Unassigned",
  run: async ({ iam }, { assignmentStatus, maxItems }) => ({
    VirtualMFADevices: items(
      (Marker, MaxItems) => iam.listVirtualMFADevices({ AssignmentStatus: assignmentStatus, Marker, MaxItems }),
      (page) => page.VirtualMFADevices?.map(withoutSecrets),
      maxItems ?? ACCOUNT_WIDE_PAGE_SIZE,
    ),
  }),
  render: ({ VirtualMFADevices }) =>
    streamedListLines(VirtualMFADevices, ({ SerialNumber, User }) => (User ? `${SerialNumber}\t${User.UserName ?? User.Arn}` : SerialNumber)),
});
