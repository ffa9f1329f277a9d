import { defineCommand } from "../../core/define.js";
import { PartialFailure } from "../../core/errors.js";
import { positiveInteger } from "../shared/options.js";
import {
  TABLE_COLUMNS,
  alignedLines,
  csvLines,
  findings,
  parseReport,
  tableCells,
  type ReportRow,
} from "../../iam/credential-report.js";
import { pollWithBackoff } from "../../iam/polling.js";

interface Result {
  GeneratedTime?: Date;
  /** The CSV's columns, in its order. */
  Columns: string[];
  /** One entry per CSV row (its cells keyed by column); with a filter, only rows with findings. */
  Users: { Row: ReportRow; Findings?: string[] }[];
}

/** IAM builds the report in seconds for most accounts; past this, asking again later is the better advice. */
const REPORT_TIMEOUT_SECONDS = 300;

export default defineCommand({
  name: "iam-credentialreport",
  summary: "Generate the account's credential report and print it as a table, as CSV, or filtered to stale credentials.",
  operations: ["GenerateCredentialReport", "GetCredentialReport"],
  options: [
    { key: "csv", long: "csv", description: "print the report as CSV, every column, as IAM returns it" },
    {
      key: "keyAgeOver",
      long: "key-age-over",
      metavar: "DAYS",
      description: "show only users with an active access key created more than DAYS days ago",
      parse: positiveInteger("--key-age-over"),
    },
    {
      key: "unusedOver",
      long: "unused-over",
      metavar: "DAYS",
      description: "show only users with an active key or a password not used for more than DAYS days",
      parse: positiveInteger("--unused-over"),
    },
    {
      key: "failOnFindings",
      long: "fail-on-findings",
      description: "exit 1, naming the findings on standard error, when a filter matches any user",
    },
  ],
  check: (opts) =>
    opts.failOnFindings && opts.keyAgeOver === undefined && opts.unusedOver === undefined
      ? "--fail-on-findings needs --key-age-over or --unused-over: without a filter nothing is a finding"
      : undefined,
  output: [
    "a header line, then one line per user (and <root_account>): USER PASSWORD PASSWORD_LAST_USED MFA KEY_1 KEY_1_ROTATED KEY_1_LAST_USED KEY_2 KEY_2_ROTATED KEY_2_LAST_USED",
    "[with a filter] only users with findings, and a last FINDINGS column",
    "[with --csv] the report's CSV lines instead",
  ],
  example: "iam-credentialreport --key-age-over 90 --unused-over 90",

  async run({ iam, debug }, { keyAgeOver, unusedOver, failOnFindings }): Promise<Result> {
    const ready = await pollWithBackoff(async () => {
      const { State } = await iam.generateCredentialReport({});
      debug(`credential report: ${State}`);
      return State === "COMPLETE" ? State : undefined;
    }, REPORT_TIMEOUT_SECONDS * 1000);
    if (!ready) throw new Error(`IAM had not finished the credential report after ${REPORT_TIMEOUT_SECONDS} s; try again later`);
    const { Content, GeneratedTime } = await iam.getCredentialReport({});
    const { columns, rows } = parseReport(Buffer.from(Content ?? []).toString("utf8"));

    const filtered = keyAgeOver !== undefined || unusedOver !== undefined;
    if (!filtered) return { GeneratedTime, Columns: columns, Users: rows.map((Row) => ({ Row })) };
    const now = new Date();
    const Users = rows
      .map((Row) => ({ Row, Findings: findings(Row, { keyAgeOver, unusedOver }, now) }))
      .filter((user) => user.Findings.length > 0);
    if (failOnFindings && Users.length > 0) {
      // The findings themselves are the report: one stderr line each, after the summary line.
      throw new PartialFailure(
        new Error(`${Users.length} ${Users.length === 1 ? "user has" : "users have"} findings (--fail-on-findings)`),
        Users.map(({ Row, Findings }) => `${Row.user}: ${Findings.join("; ")}`),
      );
    }
    return { GeneratedTime, Columns: columns, Users };
  },

  render: ({ Columns, Users }, opts) => {
    if (opts.csv) return csvLines(Columns, Users.map((user) => user.Row));
    if (Users.length === 0) return [];
    const filtered = opts.keyAgeOver !== undefined || opts.unusedOver !== undefined;
    const header = filtered ? [...TABLE_COLUMNS, "FINDINGS"] : TABLE_COLUMNS;
    const lines = Users.map(({ Row, Findings }) => [...tableCells(Row), ...(Findings ? [Findings.join("; ")] : [])]);
    return alignedLines([header, ...lines]);
  },
});
