import { randomUUID } from "node:crypto";
import { drawLearners, type Learner } from "./cohort.js";
import { type ActivityPlan, appendPlan, type CatalogCourse, emptyPlan } from "./plan.js";
import { createRandom, type Random } from "./random.js";
import { DEMO_REVIEWS } from "./reviews.js";
import { type Ask, type StudyContext, studyLesson } from "./study.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How far back the history reaches. */
export const HISTORY_DAYS = 45;
/** Any seed gives the same cohort; change it only to draw a different one. */
const COHORT_SEED = 20_251_125;
/** The tutor's answer cache lifetime (AI_CACHE_TTL_SECONDS' default): a repeat within it is served from the cache. */
const CACHE_TTL_MS = 3_600_000;
/** The offline tutor's model name in the usage log (ai.chat.service.ts). */
export const OFFLINE_MODEL = "lumen-offline-1";

/** How often each course is picked, before a learner's interests: Ada's free photosynthesis course, the flagship, draws the most. */
const POPULARITY: Record<string, number> = {
  "photosynthesis-essentials": 2.2,
  "python-for-beginners": 1.3,
  "machine-learning-fundamentals": 1.1,
  "sql-postgresql-querying": 0.9,
  "statistics-for-data-science": 0.8,
  "spanish-for-travellers": 0.75,
  "advanced-typescript": 0.75,
  "product-management-essentials": 1,
  "linear-algebra-intuition": 0.7,
};

export interface History {
  learners: Learner[];
  plan: ActivityPlan;
}

/**
 * A plausible last 45 days of learning, the same on every seed (times are relative to `now`): forty learners
 * enroll in one to four courses (paid ones only with premium), work through them lesson by lesson with a funnel
 * that narrows, rewatch the hard stretches, ask the tutor, take quizzes and leave a few reviews.
 */
export function planHistory(catalog: CatalogCourse[], now: number): History {
  const horizon = now - 2 * MINUTE;
  const learners = drawLearners(createRandom(`${COHORT_SEED}|learners`), now);
  const plan = emptyPlan();
  const asks: Ask[] = [];
  const reviewsGiven = new Map<string, number>();
  const timesAsked = new Map<string, number>();
  for (const learner of learners) {
    const enrollRandom = createRandom(`${COHORT_SEED}|${learner.email}|enrollments`);
    for (const { course, at } of chooseEnrollments(enrollRandom, learner, catalog, now, horizon)) {
      const seed = `${COHORT_SEED}|${learner.email}|${course.slug}`;
      const studied = studyCourse({ seed, learner, course, horizon, timesAsked }, at);
      appendPlan(plan, studied.plan);
      asks.push(...studied.asks);
      const review = maybeReview(createRandom(`${seed}|review`), learner, course, studied, reviewsGiven, horizon);
      if (review) plan.reviews.push(review);
    }
  }
  answerAsks(asks, plan, createRandom(`${COHORT_SEED}|tutor`));
  return { learners, plan };
}

/**
 * One to four courses: the first soon after signing up (or, for those who signed up before the window, some time
 * into it), later ones days apart; none in the last few hours, so a recent sign-up simply has fewer so far. Only
 * courses published by then, and a course published in the last three weeks draws more (it is new in the catalog).
 */
function chooseEnrollments(random: Random, learner: Learner, catalog: CatalogCourse[], now: number, horizon: number) {
  // Premium learners pay to take more than one course.
  const shares = learner.premium ? [0.1, 0.3, 0.35, 0.25] : [0.3, 0.35, 0.25, 0.1];
  const count = random.weighted([1, 2, 3, 4], (n) => shares[n - 1] ?? 0);
  const open = catalog.filter((c) => c.isFree || learner.premium);
  const windowStart = now - HISTORY_DAYS * DAY;
  const chosen: Array<{ course: CatalogCourse; at: number }> = [];
  let at = learner.createdAt + random.between(10 * MINUTE, 2 * DAY);
  if (at < windowStart) at = windowStart + random.between(0, 20 * DAY);
  at = Math.min(at, horizon - random.between(4 * HOUR, 20 * HOUR));
  while (chosen.length < count && at < horizon - 3 * HOUR) {
    const when = at;
    const available = open.filter((c) => c.publishedAt + HOUR < when);
    if (available.length > 0) {
      const course = random.weighted(
        available,
        // Interests count most; premium learners lean towards what their subscription is for.
        (c) =>
          (POPULARITY[c.slug] ?? 0.5) *
          (learner.interests.includes(c.category) ? 3 : 1) *
          (learner.premium && !c.isFree ? 1.8 : 1) *
          (when - c.publishedAt < 21 * DAY ? 2 : 1),
      );
      open.splice(open.indexOf(course), 1);
      chosen.push({ course, at: Math.round(at) });
    }
    at += random.between(0.5 * DAY, 7 * DAY);
  }
  // A course launched while they were around catches some learners' eye, interested ones most.
  for (const course of open) {
    const launch = course.publishedAt + random.between(HOUR, 5 * DAY);
    const interested = learner.interests.includes(course.category);
    if (!random.chance(interested ? 0.35 : 0.15)) continue;
    if (chosen.length >= 4 || launch < learner.createdAt || launch < windowStart || launch > horizon - 3 * HOUR)
      continue;
    if (chosen.some((c) => Math.abs(c.at - launch) < HOUR)) continue;
    chosen.push({ course, at: Math.round(launch) });
  }
  return chosen.sort((a, b) => a.at - b.at);
}

interface CourseOutcome {
  plan: ActivityPlan;
  asks: Ask[];
  completedLessons: number;
  lastTouch: number;
}

/** Enrolls, then goes lesson by lesson while they complete them and want to go on. */
function studyCourse(ctx: StudyContext, enrolledAt: number): CourseOutcome {
  const { learner, course } = ctx;
  const random = createRandom(`${ctx.seed}|course`);
  const plan = emptyPlan();
  const asks: Ask[] = [];
  plan.events.push({
    type: "enrollment",
    userId: learner.id,
    courseId: course.id,
    lessonId: null,
    data: {},
    at: enrolledAt,
  });
  let completed = 0;
  let completedAt: number | null = null;
  let lastTouch = enrolledAt;
  let updatedAt = enrolledAt;
  let t = enrolledAt + random.between(1 * MINUTE, 30 * MINUTE);
  const starts = random.chance(0.9);
  for (const [i, lesson] of course.lessons.entries()) {
    if (!starts) break;
    const outcome = studyLesson(ctx, lesson, Math.round(t));
    if (!outcome) break;
    appendPlan(plan, outcome.plan);
    asks.push(...outcome.asks);
    lastTouch = Math.max(lastTouch, outcome.lastTouch);
    if (!outcome.completed) break;
    completed += 1;
    completedAt = outcome.completedAt;
    updatedAt = Math.max(updatedAt, outcome.completedAt ?? 0);
    if (!random.chance(0.6 + 0.38 * learner.engagement - 0.03 * i)) break;
    const sameSitting = random.chance(0.5);
    const gap = sameSitting
      ? random.between(1, 12) * MINUTE
      : random.between(0.2, 2.5) * DAY * (1.4 - learner.engagement);
    t = outcome.endedAt + gap;
  }
  const total = course.lessons.length;
  plan.enrollments.push({
    id: randomUUID(),
    userId: learner.id,
    courseId: course.id,
    createdAt: enrolledAt,
    updatedAt,
    lastAccessedAt: lastTouch,
    completedAt: total > 0 && completed >= total ? completedAt : null,
    completedLessons: completed,
    progressPercentage: total === 0 ? 0 : Math.round((10_000 * completed) / total) / 100,
  });
  return { plan, asks, completedLessons: completed, lastTouch };
}

/** Learners who did at least half the course sometimes review it, with the course's next review text. */
function maybeReview(
  random: Random,
  learner: Learner,
  course: CatalogCourse,
  studied: CourseOutcome,
  given: Map<string, number>,
  horizon: number,
): ActivityPlan["reviews"][number] | null {
  if (studied.completedLessons * 2 < course.lessons.length || !random.chance(0.55)) return null;
  const next = given.get(course.slug) ?? 0;
  const text = DEMO_REVIEWS[course.slug]?.[next];
  const at = Math.round(studied.lastTouch + random.between(10 * MINUTE, 20 * HOUR));
  if (!text || at > horizon) return null;
  given.set(course.slug, next + 1);
  return { userId: learner.id, courseId: course.id, rating: text.rating, body: text.body, at };
}

/**
 * The tutor's side of each question, in time order: an ai_chat event as the chat service records it and the usage
 * row of the answer. A question asked again on the same lesson within the cache's lifetime (and the same quiz
 * state) is answered from the cache, as the API would: a cached usage row, no reservation.
 */
function answerAsks(asks: Ask[], plan: ActivityPlan, random: Random): void {
  const lastAnswered = new Map<string, number>();
  for (const ask of [...asks].sort((a, b) => a.at - b.at)) {
    const key = `${ask.lessonId}|${ask.hintOnly}|${ask.question}`;
    const previous = lastAnswered.get(key);
    const cached = previous !== undefined && ask.at - previous <= CACHE_TTL_MS;
    if (!cached) lastAnswered.set(key, ask.at);
    const latencyMs = cached ? random.int(3, 15) : random.int(60, 420);
    plan.events.push({
      type: "ai_chat",
      userId: ask.userId,
      courseId: ask.courseId,
      lessonId: ask.lessonId,
      data: {
        provider: "offline",
        cached,
        grounded: true,
        question: ask.question,
        ...(ask.positionSeconds !== null ? { position_seconds: ask.positionSeconds } : {}),
      },
      at: ask.at,
    });
    // Reserved before answering (so stamped before the event), or logged after a cache hit.
    plan.aiUsage.push({ userId: ask.userId, at: cached ? ask.at : ask.at - latencyMs, latencyMs, cached });
  }
}
