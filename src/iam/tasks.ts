import { PartialFailure } from "../cli/errors.js";

/** One removal step of a recursive delete, named for the report. */
export interface Task {
  label: string;
  run: () => Promise<unknown>;
}

/** Default bound on requests in flight, low enough to stay clear of IAM's throttling. */
export const DEFAULT_CONCURRENCY = 8;

/** What earlier waves removed and what later waves would remove, for the failure report. */
export interface WaveContext {
  removedBefore?: string[];
  remainingAfter?: string[];
}

/**
 * Runs one wave of independent tasks with at most `limit` in flight. After the first failure no
 * new task starts; the ones in flight finish, and a PartialFailure says what was removed and what
 * remains. Returns the labels of the tasks done.
 */
export async function runTasks(tasks: Task[], wave: WaveContext = {}, limit = DEFAULT_CONCURRENCY): Promise<string[]> {
  const done = new Set<string>();
  let failure: { error: unknown } | undefined;
  let next = 0;
  const worker = async () => {
    while (!failure && next < tasks.length) {
      const task = tasks[next++];
      try {
        await task.run();
        done.add(task.label);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  // Reported in task order, not completion order, so the report reads the same on every run.
  const finished = tasks.filter((t) => done.has(t.label)).map((t) => t.label);
  if (failure) {
    const unfinished = tasks.filter((t) => !done.has(t.label)).map((t) => t.label);
    throw new PartialFailure(failure.error, [
      `removed: ${[...(wave.removedBefore ?? []), ...finished].join(", ") || "nothing"}`,
      `remains: ${[...unfinished, ...(wave.remainingAfter ?? [])].join(", ")}`,
    ]);
  }
  return finished;
}
