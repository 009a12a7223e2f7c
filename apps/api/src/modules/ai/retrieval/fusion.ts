/**
 * Reciprocal rank fusion (Cormack et al., 2009): each ranking contributes 1 / (k + rank). It needs no score
 * calibration between full-text ranks, trigram similarities and cosines, which live on unrelated scales.
 */
export const RRF_K = 60;

export interface Scored {
  id: string;
  score: number;
}

/**
 * Ranks with ties: equal scores share the best rank ("competition" ranking). Scores are compared at 1e-6,
 * so float noise between PostgreSQL builds can't reorder equal hits — the same results on every database.
 */
export function ranksOf(hits: readonly Scored[]): Map<string, number> {
  const sorted = hits
    .filter((h) => Number.isFinite(h.score) && h.score > 0)
    .map((h) => ({ id: h.id, key: Math.round(h.score * 1e6) }))
    .sort((a, b) => b.key - a.key);
  const ranks = new Map<string, number>();
  let previous: number | undefined;
  let rank = 0;
  for (const [i, h] of sorted.entries()) {
    if (h.key !== previous) rank = i + 1;
    previous = h.key;
    if (!ranks.has(h.id)) ranks.set(h.id, rank);
  }
  return ranks;
}

/** Fused score per id: the sum over rankings of 1 / (k + rank). */
export function reciprocalRankFusion(rankings: ReadonlyArray<readonly Scored[]>, k = RRF_K): Map<string, number> {
  const fused = new Map<string, number>();
  for (const ranking of rankings) {
    for (const [id, rank] of ranksOf(ranking)) fused.set(id, (fused.get(id) ?? 0) + 1 / (k + rank));
  }
  return fused;
}
