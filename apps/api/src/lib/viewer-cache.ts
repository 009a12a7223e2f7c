/**
 * What a signed-in reader's requests keep asking the database: is my session still on, am I enrolled in this
 * course, may I open its content. Cached in this process for a few seconds, so a signed-in course page is served
 * without a query, and dropped the moment it may have changed:
 *
 * - The database announces every committed change that could alter an answer (migration 0026: a session ended,
 *   an account disabled or re-roled, a token version bumped, an enrollment, purchase, grant or Premium change, a
 *   course's price, owner or status) as `u:<user id>` or `c:<course id>` on the `lumen_viewer` channel, whoever
 *   made the change; `changed()` applies it. Every instance listens, so the others drop their entries within the
 *   notification's delivery (milliseconds).
 * - A read that was in flight when a change arrived is not stored: entries remember the change counter from before
 *   their read, and any later change of their user or course makes them invalid.
 * - While the subscription is down, nothing is cached and nothing cached is served (a notification could have
 *   been missed); when it comes back, everything from before is forgotten.
 * - Entries live `ttlMs` at most, which bounds what the triggers leave out on purpose (an enrollment's
 *   `last_accessed` moves on every progress report) and time-based ends (a paid period running out).
 * - Only whole answers computed from the database for that user, session and course are stored; `undefined`
 *   (nothing found) never is.
 */
export interface ViewerCacheOptions {
  /** How long an entry may be served; 0 turns the cache off. */
  ttlMs: number;
  /** Entries kept (least recently used dropped first). */
  maxEntries?: number;
  now?: () => number;
  onLookup?: (result: "hit" | "miss" | "bypass") => void;
}

interface Entry {
  value: unknown;
  userId: string;
  courseId: string;
  /** The change counter when the read that produced it began. */
  seq: number;
  expiresAt: number;
}

export interface ViewerCache {
  /**
   * The cached answer of `key` (which must name the user, session and course or lesson it is about), or
   * `compute`'s. `courseId` is the course the answer depends on, or how to find it in the answer (a lesson's
   * course); an answer it finds no course in is not stored.
   */
  read<T>(
    scope: { userId: string; courseId: string | ((value: T) => string | undefined) },
    key: string,
    compute: () => Promise<T>,
  ): Promise<T>;
  /** A change notification: `u:<user id>`, `c:<course id>`, or anything else (everything is dropped). */
  changed(payload: string): void;
  /** Whether change notifications are arriving; while not, the cache stands aside. */
  setLive(live: boolean): void;
  readonly size: number;
}

export function createViewerCache(opts: ViewerCacheOptions): ViewerCache {
  const maxEntries = opts.maxEntries ?? 50_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // The counter of changes seen, and for each user and course the counter at its latest change.
  let seq = 0;
  let floor = 0;
  const userChanged = new Map<string, number>();
  const courseChanged = new Map<string, number>();
  let live = false;

  const forgetAll = () => {
    entries.clear();
    userChanged.clear();
    courseChanged.clear();
    floor = ++seq;
  };

  const valid = (e: { userId: string; courseId: string; seq: number }) =>
    e.seq >= floor && (userChanged.get(e.userId) ?? -1) <= e.seq && (courseChanged.get(e.courseId) ?? -1) <= e.seq;

  const note = (map: Map<string, number>, id: string) => {
    // The change marks are only needed while entries read before them may still be around; when they pile up
    // (a burst of changes over many users), forgetting everything is the bounded and always safe answer.
    if (map.size >= maxEntries) forgetAll();
    map.set(id, ++seq);
  };

  /** Keys being read again ahead of their expiry (one read each at a time). */
  const refreshing = new Set<string>();

  /** Computes an answer and keeps it, unless a change it may not have seen came during the read. */
  async function remember<T>(
    scope: { userId: string; courseId: string | ((value: T) => string | undefined) },
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    const started = seq;
    const value = await compute();
    if (value === undefined) return value;
    const courseId = typeof scope.courseId === "function" ? scope.courseId(value) : scope.courseId;
    if (courseId === undefined) return value;
    const entry: Entry = { value, userId: scope.userId, courseId, seq: started, expiresAt: now() + opts.ttlMs };
    if (live && valid(entry)) {
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    }
    return value;
  }

  return {
    async read(scope, key, compute) {
      if (!live || opts.ttlMs <= 0) {
        opts.onLookup?.("bypass");
        return compute();
      }
      const hit = entries.get(key);
      const t = now();
      if (hit && hit.expiresAt > t && valid(hit)) {
        // Most recently used last: Map keeps insertion order.
        entries.delete(key);
        entries.set(key, hit);
        opts.onLookup?.("hit");
        // In its last quarter: read again behind this answer, so a busy entry never makes a reader wait for it.
        if (hit.expiresAt - t < opts.ttlMs / 4 && !refreshing.has(key)) {
          refreshing.add(key);
          remember(scope, key, compute)
            .catch(() => undefined) // the entry serves out its time; the next read after it asks again
            .finally(() => refreshing.delete(key));
        }
        return hit.value as never;
      }
      if (hit) entries.delete(key);
      opts.onLookup?.("miss");
      return remember(scope, key, compute);
    },

    changed(payload) {
      const kind = payload.slice(0, 2);
      const id = payload.slice(2);
      if (kind === "u:" && id) note(userChanged, id);
      else if (kind === "c:" && id) note(courseChanged, id);
      else forgetAll();
    },

    setLive(next) {
      live = next;
      forgetAll();
    },

    get size() {
      return entries.size;
    },
  };
}
