/**
 * "Did you mean" for misspelt names: the known name closest to what was written, by edit
 * distance (insertions, deletions, substitutions and swaps of neighbours), when it is close
 * enough to be a typo rather than a different word, and closer than every other known name (a
 * tie, such as ES256 against RS256, PS256 and HS256, is a different choice, not a typo).
 */
export function closest(written: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(written.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tied = false;
  for (const name of new Set(known)) {
    const distance = editDistance(written.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}

/** ` did you mean "callbacks"?` or nothing; appended to a message that already says what is wrong. */
export function didYouMean(written: string, known: Iterable<string>): string | undefined {
  const match = closest(written, known);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
