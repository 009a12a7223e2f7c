/**
 * Typo repair against the course's own words: "infinte" → "infinite", "cheimosmosis" → "chemiosmosis".
 * Only words the material doesn't contain are touched, and only towards words it does contain.
 */

/** Optimal string alignment distance (Levenshtein + adjacent transposition), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const prev = rows[i - 1] as number[];
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** Short words are too easy to turn into other real words: "form" must never become "from". */
export function typoBudget(word: string): number {
  if (word.length < 5) return 0;
  return word.length < 8 ? 1 : 2;
}

/**
 * The closest known word within the typo budget, or undefined. Ties go to the more frequent word, then
 * alphabetical order, so the result never depends on iteration order.
 */
export function correctWord(word: string, known: ReadonlyMap<string, number>): string | undefined {
  const w = word.toLowerCase();
  if (known.has(w)) return undefined;
  const budget = typoBudget(w);
  if (budget === 0) return undefined;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of known) {
    if (candidate.length < 4) continue;
    const distance = editDistance(w, candidate, budget);
    if (distance > budget) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && (count > best.count || (count === best.count && candidate < best.word)))
    ) {
      best = { word: candidate, distance, count };
    }
  }
  return best?.word;
}

/** Lower-cased words of a text with their counts. */
export function wordCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return counts;
}
