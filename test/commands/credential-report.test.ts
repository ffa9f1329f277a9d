import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { startLoopbackProxy } from "../support/loopback-proxy.mjs";
import { findings, parseCsvLine, parseReport } from "../../dist/iam/credential-report.js";

const moto = useMoto();
const cli = (...argv: string[]) => runCli("iam-credentialreport", argv, { env: moto.env });

/** Cells padded to the given widths, two spaces apart, the last one unpadded: the table layout. */
const columns = (widths: number[], cells: string[]) =>
  cells.map((cell, i) => (i < cells.length - 1 ? cell.padEnd(widths[i]) : cell)).join("  ");

const HEADER = [
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

async function motoCsv(): Promise<string> {
  return Buffer.from((await moto.iam.getCredentialReport({})).Content!).toString("utf8");
}

describe("iam-credentialreport against moto", () => {
  async function seed() {
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.createLoginProfile({ UserName: "bob", Password: "Initial-Passw0rd" });
    await moto.iam.createUser({ UserName: "carol" });
    await moto.iam.createAccessKey({ UserName: "carol" });
    const second = (await moto.iam.createAccessKey({ UserName: "carol" })).AccessKey!.AccessKeyId!;
    await moto.iam.updateAccessKey({ UserName: "carol", AccessKeyId: second, Status: "Inactive" });
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.createAccessKey({ UserName: "david" });
  }

  it("waits for the report and prints it as an aligned table", async () => {
    await seed();
    const res = await cli();
    // moto dates everything now: every date in the report is today's.
    const today = /\nbob,[^,]*,(\d{4}-\d{2}-\d{2})T/.exec(await motoCsv())![1];
    const widths = [5, 8, 18, 3, 6, 13, 15, 8, 13];
    expect(res).toEqual({
      code: 0,
      stdout:
        [
          columns(widths, HEADER),
          columns(widths, ["bob", "yes", "never", "no", "-", "-", "-", "-", "-", "-"]),
          columns(widths, ["carol", "no", "-", "no", "Active", today, "never", "Inactive", today, "never"]),
          columns(widths, ["david", "no", "-", "no", "Active", today, "never", "-", "-", "-"]),
        ].join("\n") + "\n",
      stderr: "",
    });
  });

  it("--csv prints the report exactly as IAM returned it", async () => {
    await seed();
    const res = await cli("--csv");
    expect(res).toEqual({ code: 0, stdout: await motoCsv(), stderr: "" });
  });

  it("--json prints every column of every row", async () => {
    await seed();
    const res = await cli("--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.Columns).toHaveLength(22);
    expect(doc.Users.map((u: { Row: { user: string } }) => u.Row.user)).toEqual(["bob", "carol", "david"]);
    expect(doc.Users[1].Row.access_key_2_active).toBe("false");
    expect(doc.Users[1].Findings).toBeUndefined();
  });

  it("prints nothing and exits 0 when a filter finds nothing, even with --fail-on-findings", async () => {
    await seed();
    expect(await cli("--key-age-over", "1", "--unused-over", "1", "--fail-on-findings")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it.each([
    [["--key-age-over", "0"], '--key-age-over must be a positive whole number, not "0"'],
    [["--unused-over", "ninety"], '--unused-over must be a positive whole number, not "ninety"'],
    [["--fail-on-findings"], "--fail-on-findings needs --key-age-over or --unused-over: without a filter nothing is a finding"],
  ])("refuses %j before sending anything", async (argv, message) => {
    expect(await cli(...argv)).toEqual({ code: 2, stdout: "", stderr: `iam-credentialreport: ${message}\n` });
    // No report was requested: moto has none to give.
    await expect(moto.iam.getCredentialReport({})).rejects.toThrow("Credential report not present");
  });
});

/**
 * moto stamps every date in its report with the present, so a report with old keys and unused
 * passwords cannot come from it. The loopback proxy answers the two report actions in IAM's Query
 * format with a CSV in AWS's documented layout whose dates lie the given number of days back;
 * GenerateCredentialReport answers STARTED once first, as IAM does for a new report.
 */
function useAgedReport() {
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  const state = { url: "", actions: [] as string[], now: Date.now() };
  // An hour's margin keeps each age at exactly `days` whole days while the command runs.
  const ago = (days: number) => new Date(state.now - days * 86_400_000 - 3_600_000).toISOString().replace(/\.\d+Z$/, "+00:00");
  const report = () =>
    [
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
      `<root_account>,arn:aws:iam::123456789012:root,${ago(400)},not_supported,${ago(10)},not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
      `alice,arn:aws:iam::123456789012:user/alice,${ago(400)},true,${ago(200)},${ago(400)},N/A,false,true,${ago(120)},${ago(1)},us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
      `bob,arn:aws:iam::123456789012:user/ops/bob,${ago(100)},true,no_information,${ago(30)},N/A,true,true,${ago(30)},${ago(2)},us-east-1,iam,true,${ago(100)},N/A,N/A,N/A,false,N/A,false,N/A`,
      `carol,arn:aws:iam::123456789012:user/carol,${ago(10)},false,N/A,N/A,N/A,false,true,${ago(5)},${ago(1)},eu-west-1,sts,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
      "",
    ].join("\n");
  beforeAll(async () => {
    // Nothing is forwarded: every request is answered here.
    proxy = await startLoopbackProxy({
      upstream: moto.url,
      decide: ({ params }) => {
        const action = params.Action;
        state.actions.push(action);
        const result =
          action === "GenerateCredentialReport"
            ? `<State>${state.actions.filter((a) => a === action).length === 1 ? "STARTED" : "COMPLETE"}</State>`
            : `<Content>${Buffer.from(report()).toString("base64")}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-01-02T03:04:05Z</GeneratedTime>`;
        return {
          status: 200,
          body:
            `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${result}</${action}Result>` +
            `<ResponseMetadata><RequestId>aged</RequestId></ResponseMetadata></${action}Response>`,
        };
      },
    });
    state.url = proxy.url;
  });
  beforeEach(() => {
    state.actions.length = 0;
    state.now = Date.now();
  });
  afterAll(() => proxy.close());
  return { state, ago, report };
}

describe("iam-credentialreport filters", () => {
  const aged = useAgedReport();
  const run = (...argv: string[]) => runCli("iam-credentialreport", argv, { env: { ...moto.env, AWS_IAM_URL: aged.state.url } });
  const day = (days: number) => aged.ago(days).slice(0, 10);

  it("asks again until the report is COMPLETE, then shows every row, <root_account> included", async () => {
    const res = await run();
    expect(aged.state.actions).toEqual(["GenerateCredentialReport", "GenerateCredentialReport", "GetCredentialReport"]);
    const widths = [14, 8, 18, 3, 6, 13, 15, 6, 13];
    expect(res).toEqual({
      code: 0,
      stdout:
        [
          columns(widths, HEADER),
          columns(widths, ["<root_account>", "-", "-", "yes", "-", "-", "-", "-", "-", "-"]),
          columns(widths, ["alice", "yes", day(200), "no", "Active", day(120), day(1), "-", "-", "-"]),
          columns(widths, ["bob", "yes", "never", "yes", "Active", day(30), day(2), "Active", day(100), "never"]),
          columns(widths, ["carol", "no", "-", "no", "Active", day(5), day(1), "-", "-", "-"]),
        ].join("\n") + "\n",
      stderr: "",
    });
  });

  it("--key-age-over and --unused-over keep the users with findings and say what they are", async () => {
    const widths = [5, 8, 18, 3, 6, 13, 15, 6, 13, 15];
    expect(await run("--key-age-over", "90", "--unused-over", "90")).toEqual({
      code: 0,
      stdout:
        [
          columns(widths, [...HEADER, "FINDINGS"]),
          columns(widths, ["alice", "yes", day(200), "no", "Active", day(120), day(1), "-", "-", "-", "access key 1 is 120 days old; password last used 200 days ago"]),
          columns(widths, ["bob", "yes", "never", "yes", "Active", day(30), day(2), "Active", day(100), "never", "access key 2 is 100 days old; access key 2 never used in 100 days"]),
        ].join("\n") + "\n",
      stderr: "",
    });
  });

  it("--csv with a filter prints the header and the matching lines as IAM sent them", async () => {
    const lines = aged.report().split("\n");
    expect(await run("--unused-over", "150", "--csv")).toEqual({ code: 0, stdout: `${lines[0]}\n${lines[2]}\n`, stderr: "" });
  });

  it("--fail-on-findings exits 1 and names each finding on stderr", async () => {
    expect(await run("--key-age-over", "90", "--fail-on-findings")).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "iam-credentialreport: error: 2 users have findings (--fail-on-findings)\n" +
        "iam-credentialreport: alice: access key 1 is 120 days old\n" +
        "iam-credentialreport: bob: access key 2 is 100 days old\n",
    });
  });

  it("--json with a filter gives each user's row and findings", async () => {
    const doc = JSON.parse((await run("--unused-over", "150", "--json")).stdout);
    expect(doc.GeneratedTime).toBe("2026-01-02T03:04:05.000Z");
    expect(doc.Users).toEqual([{ Row: expect.objectContaining({ user: "alice", password_enabled: "true" }), Findings: ["password last used 200 days ago"] }]);
  });
});

describe("report parsing (pure)", () => {
  it("reads quoted CSV cells", () => {
    expect(parseCsvLine('a,"b,c","say ""hi""",')).toEqual(["a", "b,c", 'say "hi"', ""]);
  });

  it("finds nothing for inactive keys or a password that is not enabled", () => {
    const { rows } = parseReport(
      "user,password_enabled,password_last_used,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date\n" +
        "x,false,N/A,false,2000-01-01T00:00:00+00:00,N/A\n",
    );
    expect(findings(rows[0], { keyAgeOver: 1, unusedOver: 1 }, new Date())).toEqual([]);
  });

  it("counts whole days and needs strictly more than the limit", () => {
    const row = { access_key_1_active: "true", access_key_1_last_rotated: "2026-01-01T00:00:00+00:00", access_key_1_last_used_date: "N/A" };
    expect(findings(row, { keyAgeOver: 90 }, new Date("2026-04-01T23:59:59Z"))).toEqual([]);
    expect(findings(row, { keyAgeOver: 89, unusedOver: 89 }, new Date("2026-04-01T00:00:00Z"))).toEqual([
      "access key 1 is 90 days old",
      "access key 1 never used in 90 days",
    ]);
  });
});
