/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, so that the
 * usual typos ("ssmmessage", "ec2mesages", "sstm") all count as one or two edits.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the transposition step looks two rows back.
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, twoBack[j - 2] + 1);
      }
      current.push(best);
    }
    twoBack = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidates closest to `input` (case-insensitive), nearest first, ties alphabetical.
 * Only candidates within `maxDistance` edits are kept (default: a third of the input's length,
 * at least 1), so that unrelated names are never offered as a correction.
 */
export function closestMatches(
  input: string,
  candidates: Iterable<string>,
  limit: number,
  maxDistance = Math.max(1, Math.floor(input.length / 3)),
): string[] {
  const needle = input.toLowerCase();
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance <= maxDistance) scored.push({ candidate, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, Math.max(0, limit)).map((s) => s.candidate);
}
