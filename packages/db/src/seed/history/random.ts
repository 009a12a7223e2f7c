/**
 * A small seeded PRNG (mulberry32) so the demo history is the same on every seed: same learners, same choices, same
 * scores. Not for anything secret. A string seed names a stream of its own (hashed with FNV-1a): the history draws
 * each learner's enrollments, each lesson's viewing, questions and quiz from separate streams, so tuning one part of
 * the simulation leaves the others as they were.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, each as likely as its weight (weights ≤ 0 never chosen). */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
}

export function createRandom(seed: number | string): Random {
  let state = (typeof seed === "string" ? fnv1a(seed) : seed) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const random: Random = {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick(items) {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(items, weight) {
      const weights = items.map((item) => Math.max(0, weight(item)));
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (total <= 0) throw new Error("weighted pick with no positive weight");
      let roll = next() * total;
      for (const [i, w] of weights.entries()) {
        roll -= w;
        if (roll < 0) return items[i] as (typeof items)[number];
      }
      return items[weights.findLastIndex((w) => w > 0)] as (typeof items)[number];
    },
  };
  return random;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
