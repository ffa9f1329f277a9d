import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });
const tokenVersion = async () => (await moto.iam.getAccountSummary({})).SummaryMap!.GlobalEndpointTokenVersion;

describe("iam-accountmodstspreferences", () => {
  it("sets the global endpoint's token version, as GetAccountSummary and iam-accountgetsummary then report it", async () => {
    expect(await tokenVersion()).toBe(1);
    expect(await cli("iam-accountmodstspreferences", "-t", "v2Token")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await tokenVersion()).toBe(2);
    expect((await cli("iam-accountgetsummary")).stdout).toContain("GlobalEndpointTokenVersion: 2\n");
    expect(await cli("iam-accountmodstspreferences", "-t", "v1Token")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await tokenVersion()).toBe(1);
  });

  it("refuses a version IAM does not have before any request", async () => {
    const res = await wire.run("iam-accountmodstspreferences", ["-t", "v3Token"]);
    expect([res.code, res.stdout]).toEqual([2, ""]);
    expect(res.stderr).toMatch(/^iam-accountmodstspreferences: .*v3Token/);
    expect(wire.requests).toEqual([]);
  });
});
