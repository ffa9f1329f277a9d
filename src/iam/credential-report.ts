/**
 * Reading IAM's credential report: a CSV with one row per user (and `<root_account>`), whose
 * cells are dates, `true`/`false`, or the markers `N/A`, `not_supported` and `no_information`.
 */

export type ReportRow = Record<string, string>;

export interface Report {
  columns: string[];
  rows: ReportRow[];
}

/** One CSV record (RFC 4180 quoting); report cells never contain line breaks. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function parseReport(csv: string): Report {
  const [header = "", ...lines] = csv.split(/\r?\n/).filter((line) => line !== "");
  const columns = parseCsvLine(header);
  const rows = lines.map((line) => {
    const cells = parseCsvLine(line);
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
  return { columns, rows };
}

export function csvLines(columns: string[], rows: ReportRow[]): string[] {
  return [columns, ...rows.map((row) => columns.map((c) => row[c] ?? ""))].map((cells) => cells.map(csvField).join(","));
}

const DAY_MS = 86_400_000;

/** Whole days from a report date to `now`; undefined for the markers. */
function daysSince(cell: string | undefined, now: Date): number | undefined {
  if (!cell || !/^\d{4}-\d{2}-\d{2}T/.test(cell)) return undefined;
  const time = Date.parse(cell);
  return Number.isNaN(time) ? undefined : Math.floor((now.getTime() - time) / DAY_MS);
}

export interface Thresholds {
  /** An active key last rotated more than this many days ago. */
  keyAgeOver?: number;
  /** An active key or an enabled password not used for more than this many days (or never, since then). */
  unusedOver?: number;
}

/** What is wrong with one row under the thresholds, one phrase each; empty when nothing is. */
export function findings(row: ReportRow, limits: Thresholds, now: Date): string[] {
  const found: string[] = [];
  const over = (days: number | undefined, limit: number | undefined) => days !== undefined && limit !== undefined && days > limit;
  for (const n of [1, 2]) {
    if (row[`access_key_${n}_active`] !== "true") continue;
    const age = daysSince(row[`access_key_${n}_last_rotated`], now);
    const used = daysSince(row[`access_key_${n}_last_used_date`], now);
    if (over(age, limits.keyAgeOver)) found.push(`access key ${n} is ${age} days old`);
    if (used !== undefined ? over(used, limits.unusedOver) : over(age, limits.unusedOver)) {
      found.push(used !== undefined ? `access key ${n} last used ${used} days ago` : `access key ${n} never used in ${age} days`);
    }
  }
  if (row.password_enabled === "true") {
    const used = daysSince(row.password_last_used, now);
    const since = daysSince(row.password_last_changed, now) ?? daysSince(row.user_creation_time, now);
    if (used !== undefined ? over(used, limits.unusedOver) : over(since, limits.unusedOver)) {
      found.push(used !== undefined ? `password last used ${used} days ago` : `password never used in ${since} days`);
    }
  }
  return found;
}

const day = (cell: string | undefined) => (cell && /^\d{4}-\d{2}-\d{2}T/.test(cell) ? cell.slice(0, 10) : undefined);
const yesNo = (cell: string | undefined) => (cell === "true" ? "yes" : cell === "false" ? "no" : "-");

/** The table's columns: a summary of the 22 CSV columns (--csv has them all). */
export const TABLE_COLUMNS = [
  "USER",
  "PASSWORD",
  "PASSWORD_LAST_USED",
  "MFA",
  "KEY_1",
  "KEY_1_ROTATED",
  "KEY_1_LAST_USED",
  "KEY_2",
  "KEY_2_ROTATED",
  "KEY_2_LAST_USED",
];

/** One table row: yes/no, Active/Inactive, YYYY-MM-DD days, `never`, and `-` where nothing applies. */
export function tableCells(row: ReportRow): string[] {
  const password = row.password_enabled === "true";
  const key = (n: number) => {
    const rotated = day(row[`access_key_${n}_last_rotated`]);
    if (!rotated) return ["-", "-", "-"];
    const status = row[`access_key_${n}_active`] === "true" ? "Active" : "Inactive";
    return [status, rotated, day(row[`access_key_${n}_last_used_date`]) ?? "never"];
  };
  return [
    row.user ?? "",
    yesNo(row.password_enabled),
    password ? (day(row.password_last_used) ?? "never") : "-",
    yesNo(row.mfa_active),
    ...key(1),
    ...key(2),
  ];
}

/** Columns padded to their widest cell, two spaces apart; the last column is not padded. */
export function alignedLines(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((cells) => cells[i].length))) ?? [];
  return rows.map((cells) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join("  "));
}
