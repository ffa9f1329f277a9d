/**
 * The names closest to a mistyped one, for "did you mean": by edit distance (a swap of two
 * neighbouring letters counts as one edit), within about a third of the name's length.
 */
export function closestNames(typed: string, names: readonly string[]): string[] {
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best = limit + 1;
  let found: string[] = [];
  for (const name of names) {
    const distance = editDistance(typed, name);
    if (distance < best) [best, found] = [distance, [name]];
    else if (distance === best) found.push(name);
  }
  return found.slice(0, 3);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
