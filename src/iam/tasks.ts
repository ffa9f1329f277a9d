import { PartialFailure } from "../core/errors.js";

/** One removal step of a recursive delete, named for the report. */
export interface Task {
  label: string;
  run: () => Promise<unknown>;
  /**
   * A last request that needs only this task's `run` done (deleting a virtual MFA device once it
   * is deactivated). It goes out with the next wave, beside the entity's own delete, instead of
   * holding a place in this one: a two-request removal costs no extra round trip. The task counts
   * as removed once this request is done too.
   */
  finish?: () => Promise<unknown>;
}

/** Default bound on requests in flight, low enough to stay clear of IAM's throttling. */
const DEFAULT_CONCURRENCY = 8;

/** What earlier waves removed and what later waves would remove, for the failure report. */
export interface WaveContext {
  removedBefore?: string[];
  remainingAfter?: string[];
}

interface Step {
  task: Task;
  send: () => Promise<unknown>;
  /** Whether the task is done once this request is. */
  last: boolean;
}

/** Sends steps with at most `limit` in flight; after the first failure no new step starts. */
async function sendAll(steps: Step[], limit: number, sent: (step: Step) => void): Promise<{ error: unknown } | undefined> {
  let failure: { error: unknown } | undefined;
  let next = 0;
  const worker = async () => {
    while (!failure && next < steps.length) {
      const step = steps[next++];
      try {
        await step.send();
        sent(step);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, steps.length) }, worker));
  return failure;
}

async function execute(waves: Task[][], context: WaveContext, limit: number): Promise<string[]> {
  const tasks = waves.flat();
  const started = new Set<Task>();
  const done = new Set<Task>();
  const sent = ({ task, last }: Step) => (last ? done : started).add(task);
  const finishing = (wave: Task[]): Step[] =>
    wave.filter((t) => t.finish && started.has(t)).map((task) => ({ task, send: task.finish!, last: true }));
  let previous: Task[] = [];
  // The extra empty wave sends the last wave's finishing requests, if it has any.
  for (const wave of [...waves, []]) {
    const steps = [...finishing(previous), ...wave.map((task) => ({ task, send: task.run, last: !task.finish }))];
    const failure = await sendAll(steps, limit, sent);
    if (failure) {
      // A task whose first request is done is still in flight: it sends its last one before the report.
      await sendAll(finishing(wave), limit, sent);
      // Reported in task order, not completion order, so the report reads the same on every run.
      const removed = [...(context.removedBefore ?? []), ...tasks.filter((t) => done.has(t)).map((t) => t.label)];
      const remaining = [...tasks.filter((t) => !done.has(t)).map((t) => t.label), ...(context.remainingAfter ?? [])];
      throw new PartialFailure(failure.error, [`removed: ${removed.join(", ") || "nothing"}`, `remains: ${remaining.join(", ")}`]);
    }
    previous = wave;
  }
  return tasks.map((t) => t.label);
}

/**
 * Runs waves of independent tasks in order, each with at most `limit` requests in flight: a wave
 * starts when the one before it is done. After the first failure no new task starts; the ones in
 * flight finish, and a PartialFailure says what was removed and what remains. Returns the labels
 * of the tasks done.
 */
export function runWaves(waves: Task[][], limit = DEFAULT_CONCURRENCY): Promise<string[]> {
  return execute(waves, {}, limit);
}

/** One wave of runWaves, for callers that report earlier or later waves of their own. */
export function runTasks(tasks: Task[], wave: WaveContext = {}, limit = DEFAULT_CONCURRENCY): Promise<string[]> {
  return execute([tasks], wave, limit);
}
