/**
 * The V8 flags a startup snapshot of the bins is built with and run with: V8 refuses to start from
 * a snapshot taken under other flags than the run's, so the builder (src/cli/snapshot.ts) and the
 * launcher (src/gen/artifacts.ts) both pass these, and the snapshot's build id (scripts/bundle.mjs)
 * covers them, so that a launcher never meets a snapshot built under other flags.
 *
 * --no-rehash-snapshot: a run keeps the hash seed the snapshot was built with instead of drawing
 * a new one and rehashing every table in the heap, which cost a call about a tenth of its CPU time
 * (docs/performance.md). Each user's snapshot is built on their machine with a seed of its own,
 * and kept in a directory only they can read.
 */
export const SNAPSHOT_V8_FLAGS: readonly string[] = ["--no-rehash-snapshot"];
