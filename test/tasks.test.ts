import { describe, expect, it } from "vitest";
import { runTasks, runWaves, type Task } from "../src/iam/tasks.js";
import { PartialFailure } from "../src/core/errors.js";

/**
 * The scheduling under every recursive delete, with stand-in requests that record when they start
 * and end: bounds, wave order and the failure report do not depend on any server.
 */
function recorder() {
  const events: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const sends = new Map<string, number>();
  const request = (name: string, ms: number, fails = false) => async () => {
    sends.set(name, (sends.get(name) ?? 0) + 1);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    events.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    inFlight--;
    events.push(`end ${name}`);
    if (fails) throw new Error(`${name} refused`);
  };
  return { events, sends, request, max: () => maxInFlight };
}

async function failureOf(promise: Promise<unknown>): Promise<PartialFailure> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof PartialFailure) return err;
    throw err;
  }
  throw new Error("expected a PartialFailure");
}

describe("runWaves", () => {
  it("sends each request once, at most `limit` at a time, and a wave only once the one before is done", async () => {
    const r = recorder();
    const first: Task[] = Array.from({ length: 20 }, (_, i) => ({ label: `t${i}`, run: r.request(`t${i}`, 1 + (i % 4)) }));
    const done = await runWaves([first, [{ label: "entity", run: r.request("entity", 1) }]], 3);
    expect(done).toEqual([...first.map((t) => t.label), "entity"]);
    expect([...r.sends.values()].every((n) => n === 1)).toBe(true);
    expect(r.sends.size).toBe(21);
    expect(r.max()).toBe(3);
    const lastEndOfFirst = Math.max(...first.map((t) => r.events.indexOf(`end ${t.label}`)));
    expect(r.events.indexOf("start entity")).toBeGreaterThan(lastEndOfFirst);
  });

  it("sends a task's last request with the next wave, after its own first one", async () => {
    const r = recorder();
    const device: Task = { label: "MFA device", run: r.request("deactivate", 5), finish: r.request("delete device", 5) };
    await runWaves([[device, { label: "key", run: r.request("key", 10) }], [{ label: "user", run: r.request("user", 5) }]]);
    const at = (event: string) => r.events.indexOf(event);
    expect(at("start delete device")).toBeGreaterThan(at("end key"));
    expect(at("start delete device")).toBeGreaterThan(at("end deactivate"));
    // Same wave as the entity's delete: both go out before either is answered.
    expect(at("start user")).toBeLessThan(at("end delete device"));
    expect(at("start delete device")).toBeLessThan(at("end user"));
  });

  it("after a failure starts nothing new, lets requests in flight finish, and reports exactly what was removed and what remains", async () => {
    const r = recorder();
    const failure = await failureOf(
      runWaves(
        [
          [
            { label: "device", run: r.request("deactivate", 20), finish: r.request("delete device", 1) },
            { label: "profile", run: r.request("profile", 5, true) },
            { label: "key", run: r.request("key", 1) },
          ],
          [{ label: "user", run: r.request("user", 1) }],
        ],
        2,
      ),
    );
    expect(failure.failure).toEqual(new Error("profile refused"));
    // The device's first request was in flight when the profile failed: it is finished, last request included.
    expect(failure.report).toEqual(["removed: device", "remains: profile, key, user"]);
    expect([...r.sends.keys()].sort()).toEqual(["deactivate", "delete device", "profile"]);
  });

  it("reports a task whose last request failed as remaining", async () => {
    const r = recorder();
    const failure = await failureOf(
      runWaves([
        [{ label: "device", run: r.request("deactivate", 1), finish: r.request("delete device", 1, true) }],
        [{ label: "user", run: r.request("user", 5) }],
      ]),
    );
    expect(failure.report).toEqual(["removed: user", "remains: device"]);
  });

  it("runTasks reports the waves its caller ran before and will run after", async () => {
    const r = recorder();
    const failure = await failureOf(
      runTasks([{ label: "version v1", run: r.request("v1", 1, true) }], { removedBefore: ["attachment"], remainingAfter: ["policy"] }),
    );
    expect(failure.report).toEqual(["removed: attachment", "remains: version v1, policy"]);
  });
});
