import {
  DAILY_REVIEW_SIZE,
  type DailyReview,
  type DailyReviewStats,
  type RecallCard,
  type RecallGrade,
  type RecallGradeResult,
  type RecallRating,
} from "@lumen/contracts";
import type { Executor } from "@lumen/db";
import { type Card, createEmptyCard, fsrs, generatorParameters, Rating, type State } from "ts-fsrs";
import { AppError, notFound } from "../../lib/errors.js";
import type { AnalyticsRecorder } from "../analytics/analytics.recorder.js";
import { utcDay } from "../analytics/analytics.stats.js";
import type { AuthContext } from "../auth/auth.service.js";
import { buildRecallCards, lessonPassages } from "./recall.cards.js";
import type { RecallCardRow, RecallMemory, RecallRepo } from "./recall.repo.js";

const DAY_MS = 86_400_000;
const STATES = ["new", "learning", "review", "relearning"] as const;
const RATING: Record<RecallRating, Rating.Again | Rating.Hard | Rating.Good | Rating.Easy> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};
const RATING_NAMES: RecallRating[] = ["again", "hard", "good", "easy"];
/** How many completed lessons one backfill run builds cards for. */
const BACKFILL_BATCH = 200;

/**
 * FSRS without same-day learning steps and without fuzz: a daily review sees each card at most once a day (every
 * rating schedules it a day or more ahead), and the same history always gives the same due date.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

function toFsrsCard(row: RecallMemory): Card {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    ...(row.lastReview ? { last_review: row.lastReview } : {}),
  };
}

function fromFsrsCard(card: Card): RecallMemory {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The next memory state of a card rated at `now` (exported for the scheduling unit test). */
export function scheduleNext(memory: RecallMemory, rating: RecallRating, now: Date): RecallMemory {
  return fromFsrsCard(scheduler.next(toFsrsCard(memory), now, RATING[rating]).card);
}

/** A fresh card's memory, due at `now`. */
export function newMemory(now: Date): RecallMemory {
  return fromFsrsCard(createEmptyCard(now));
}

export function presentCard(row: RecallCardRow): RecallCard {
  return {
    id: row.id,
    kind: row.kind,
    term: row.term,
    meaning: row.meaning,
    course_id: row.courseId,
    course_title: row.courseTitle,
    lesson_id: row.lessonId,
    lesson_title: row.lessonTitle,
    cue_seconds: row.cueSeconds === null ? null : Math.floor(row.cueSeconds),
    due: row.due.toISOString(),
    state: STATES[row.state] ?? "new",
    reps: row.reps,
  };
}

/** Today in UTC (streaks count UTC days): its date and the instants it starts and ends. */
function today(now: Date) {
  const day = utcDay(now);
  const start = new Date(`${day}T00:00:00.000Z`);
  return { day, start, end: new Date(start.getTime() + DAY_MS) };
}

export function createRecallService(deps: {
  repo: RecallRepo;
  analytics: Pick<AnalyticsRecorder, "record">;
  /** The clock (tests inject one to move through days). */
  now?: () => Date;
}) {
  const { repo, analytics } = deps;
  const now = deps.now ?? (() => new Date());
  const viewerOf = (auth: AuthContext) => ({ userId: auth.userId, role: auth.role });

  async function stats(auth: AuthContext, at: Date, tx?: Executor): Promise<DailyReviewStats> {
    const { day, start, end } = today(at);
    const counts = await repo.counts(viewerOf(auth), end, start, tx);
    return {
      due_count: counts.due,
      done_today: counts.doneToday,
      total_cards: counts.total,
      session_completed: await repo.sessionFinished(auth.userId, day, tx),
    };
  }

  /** Builds one learner's cards of one lesson; a lesson they haven't completed (or that is gone) gets none. */
  async function buildFor(userId: string, lessonId: string, cache?: Map<string, ReturnType<typeof buildRecallCards>>) {
    const lesson = await repo.lessonContent(lessonId);
    if (!lesson || !(await repo.isCompleted(userId, lessonId))) return 0;
    let drafts = cache?.get(lessonId);
    if (!drafts) {
      drafts = buildRecallCards(lessonPassages(lesson));
      cache?.set(lessonId, drafts);
    }
    return repo.insertCards(userId, lesson, drafts, newMemory(now()).due);
  }

  return {
    /** Job `recall.build`: the cards of a lesson the learner has just completed. Idempotent (one card per term). */
    buildForCompletion: (userId: string, lessonId: string) => buildFor(userId, lessonId),

    /** Job `recall.backfill`: cards for every lesson completed before the daily review existed (or whose job was lost). */
    async backfill(): Promise<{ lessons: number; cards: number }> {
      const cache = new Map<string, ReturnType<typeof buildRecallCards>>();
      // Lessons with nothing to ask about stay without cards; stop once a batch makes no progress.
      const tried = new Set<string>();
      let cards = 0;
      for (;;) {
        const work = (await repo.completedWithoutCards(BACKFILL_BATCH + tried.size)).filter(
          (w) => !tried.has(`${w.userId}:${w.lessonId}`),
        );
        if (work.length === 0) break;
        for (const w of work) {
          tried.add(`${w.userId}:${w.lessonId}`);
          cards += await buildFor(w.userId, w.lessonId, cache);
        }
      }
      return { lessons: tried.size, cards };
    },

    // GET /review/today
    async today(auth: AuthContext): Promise<DailyReview> {
      const at = now();
      const rows = await repo.due(viewerOf(auth), today(at).end, DAILY_REVIEW_SIZE);
      return { items: rows.map(presentCard), stats: await stats(auth, at) };
    },

    // GET /review/stats
    stats: (auth: AuthContext) => stats(auth, now()),

    // POST /review/cards/:id/grade
    async grade(auth: AuthContext, cardId: string, input: RecallGrade): Promise<RecallGradeResult> {
      const at = now();
      const { day } = today(at);
      return repo.transaction(async (tx) => {
        const card = await repo.lockCard(viewerOf(auth), cardId, tx);
        if (!card) throw notFound("Card");
        // A review id already used: the same review sent again gets its first outcome; another card's id is refused.
        const seen = await repo.findReview(input.review_id, tx);
        if (seen) {
          if (seen.userId !== auth.userId || seen.cardId !== cardId)
            throw new AppError("CONFLICT", "This review id was already used for another card", {
              review_id: input.review_id,
            });
          return {
            review_id: seen.id,
            card: presentCard(card),
            rating: RATING_NAMES[seen.rating - 1] ?? input.rating,
            applied: false,
            stats: await stats(auth, at, tx),
          };
        }
        if (card.due.getTime() >= today(at).end.getTime())
          throw new AppError("CONFLICT", "This card isn't due today: it was already reviewed", {
            due: card.due.toISOString(),
          });
        const next = scheduleNext(card, input.rating, at);
        await repo.applyReview(
          {
            id: input.review_id,
            userId: auth.userId,
            cardId,
            rating: RATING[input.rating],
            dueBefore: card.due,
            dueAfter: next.due,
            reviewedAt: at,
          },
          next,
          tx,
        );
        const after = await stats(auth, at, tx);
        // The day's review is done when nothing is left due today, or after a full five-minute session. It counts
        // as the day's learning activity once, through the same event stream that keeps the streak.
        if (!after.session_completed && (after.due_count === 0 || after.done_today >= DAILY_REVIEW_SIZE)) {
          if (await repo.finishSession(auth.userId, day, after.done_today, at, tx)) {
            await analytics.record(
              { type: "review_session", userId: auth.userId, data: { cards: after.done_today }, at },
              tx,
            );
            after.session_completed = true;
          }
        }
        return {
          review_id: input.review_id,
          card: presentCard({ ...card, ...next }),
          rating: input.rating,
          applied: true,
          stats: after,
        };
      });
    },
  };
}
export type RecallService = ReturnType<typeof createRecallService>;
