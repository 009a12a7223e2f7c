import { randomUUID } from "node:crypto";
import { VIDEO_COMPLETE_AT_PERCENT } from "@lumen/contracts";
import type { QuizProgress } from "../../schema/index.js";
import type { Learner } from "./cohort.js";
import type { ActivityPlan, CatalogCourse, CatalogLesson } from "./plan.js";
import { emptyPlan } from "./plan.js";
import { answerQuiz } from "./quiz.js";
import { createRandom, type Random } from "./random.js";
import { type Play, type Report, replay, round1 } from "./segments.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 86_400_000;

/** A tutor question, turned into an ai_chat event and a usage row once every learner's are known (for the cache). */
export interface Ask {
  userId: string;
  courseId: string;
  lessonId: string;
  question: string;
  positionSeconds: number | null;
  /** The lesson's quiz was still open for the learner (the tutor only hints then: another cache entry). */
  hintOnly: boolean;
  at: number;
}

export interface StudyContext {
  /** Names this learner's run through this course; each lesson draws from streams named after it. */
  seed: string;
  learner: Learner;
  course: CatalogCourse;
  /** Nothing happens after this instant. */
  horizon: number;
  /** How often each lesson question was asked so far: learners word things their own way, so repeats are rarer. */
  timesAsked: Map<string, number>;
}

export interface LessonOutcome {
  plan: ActivityPlan;
  asks: Ask[];
  completed: boolean;
  completedAt: number | null;
  /** When the learner was last on the lesson (the API touches the enrollment on each progress write). */
  lastTouch: number;
  /** When the learner is done with the lesson for now (quiz included). */
  endedAt: number;
}

/**
 * One learner on one lesson from `start`: the lesson start, what they watched or read (and rewatched), the
 * completion, their questions to the tutor and the quiz. Null when it would not be over before the horizon: the
 * history stops there, as if the learner hadn't got to it yet.
 */
export function studyLesson(ctx: StudyContext, lesson: CatalogLesson, start: number): LessonOutcome | null {
  const outcome = lesson.kind === "video" ? watchVideo(ctx, lesson, start) : readText(ctx, lesson, start);
  if (lesson.quiz && outcome.completed) takeQuiz(ctx, lesson, outcome);
  const times = [
    outcome.endedAt,
    ...outcome.plan.events.map((e) => e.at),
    ...outcome.plan.rewatches.map((r) => r.at),
    ...outcome.asks.map((a) => a.at),
  ];
  return Math.max(...times) > ctx.horizon ? null : outcome;
}

/** The stream of draws for one part of one lesson. */
const streamOf = (ctx: StudyContext, lesson: CatalogLesson, part: string) =>
  createRandom(`${ctx.seed}|${lesson.key}|${part}`);

function watchVideo(ctx: StudyContext, lesson: CatalogLesson, start: number): LessonOutcome {
  const random = streamOf(ctx, lesson, "watch");
  const { learner } = ctx;
  const d = lesson.durationSeconds;
  const finishes = random.chance(0.78 + 0.17 * learner.engagement);
  const end = round1(d * (finishes ? random.between(0.95, 1) : random.between(0.12, 0.85)));
  const split = finishes && random.chance(0.22);
  const plays = playbackPath(random, learner, lesson, start, end, { finishes, split });
  const { watched, reports } = replay(plays, d);
  const progressId = randomUUID();
  const crossed = reports.find((r) => r.coverage >= VIDEO_COMPLETE_AT_PERCENT);
  const last = reports.at(-1) as Report;
  const plan = emptyPlan();
  plan.events.push(event("lesson_start", ctx, lesson, start, {}));
  if (crossed) plan.events.push(completionEvent(ctx, lesson, start, crossed.at));
  plan.rewatches.push(...rewatchRows(progressId, ctx.course.id, lesson.id, reports));
  plan.progress.push({
    id: progressId,
    userId: learner.id,
    courseId: ctx.course.id,
    lessonId: lesson.id,
    durationSeconds: d,
    watchedSegments: watched,
    positionSeconds: last.segment[1],
    lastRewatch: last.rewatched,
    isCompleted: Boolean(crossed),
    completedAt: crossed?.at ?? null,
    quizProgress: null,
    startedAt: start,
    updatedAt: last.at,
  });
  return {
    plan,
    asks: videoQuestions(ctx, lesson, plays, end),
    completed: Boolean(crossed),
    completedAt: crossed?.at ?? null,
    lastTouch: last.at,
    endedAt: last.at,
  };
}

/**
 * Where the learner's playhead goes: from the start to `end`, jumping back over the lesson's hard stretches (more
 * often for less skilled learners, sometimes twice), now and then back a few seconds anywhere, and now and then
 * skipping a little ahead. A split viewing stops partway and resumes on a later day.
 */
function playbackPath(
  random: Random,
  learner: Learner,
  lesson: CatalogLesson,
  start: number,
  end: number,
  how: { finishes: boolean; split: boolean },
): Play[] {
  const d = lesson.durationSeconds;
  const jumps: Array<{ at: number; to: number }> = [];
  for (const h of lesson.hotspots) {
    if (h.to_seconds + 3 > end) continue;
    if (!random.chance(Math.min(0.9, 0.42 * h.weight * (1.3 - 0.6 * learner.skill)))) continue;
    const from = Math.max(0, h.from_seconds + random.between(-3, 2));
    const to = Math.min(end, h.to_seconds + random.between(-2, 3));
    jumps.push({ at: to, to: from });
    if (random.chance(0.2 * h.weight)) jumps.push({ at: to, to: from });
  }
  if (random.chance(0.12)) {
    const at = random.between(20, Math.max(21, end));
    jumps.push({ at, to: Math.max(0, at - random.between(8, 25)) });
  }
  const room = end / d - 0.925;
  if (how.finishes && !how.split && room > 0.015 && random.chance(0.15)) {
    const at = d * random.between(0.2, 0.7);
    jumps.push({ at, to: at + d * random.between(0.01, room) });
  }
  jumps.sort((a, b) => a.at - b.at);

  const plays: Play[] = [];
  let position = 0;
  let clock = start + random.between(2, 20) * SECOND;
  const playTo = (to: number) => {
    plays.push({ from: round1(position), to: round1(to), at: Math.round(clock) });
    clock += (to - position) * SECOND;
  };
  for (const jump of jumps) {
    if (jump.at <= position + 1) continue;
    playTo(jump.at);
    clock += random.between(1.5, 6) * SECOND; // finding the spot
    position = jump.to;
  }
  if (end > position + 1) playTo(end);
  return how.split ? splitSession(random, plays, d) : plays;
}

/** Stops partway through the plays and resumes the rest up to three days later. */
function splitSession(random: Random, plays: Play[], durationSeconds: number): Play[] {
  const stopAt = round1(durationSeconds * random.between(0.3, 0.7));
  const gap = Math.round(random.between(0.4, 3) * DAY);
  const result: Play[] = [];
  let later = false;
  for (const play of plays) {
    if (later) result.push({ ...play, at: play.at + gap });
    else if (play.from < stopAt && stopAt < play.to - 1) {
      result.push({ from: play.from, to: stopAt, at: play.at });
      result.push({ from: stopAt, to: play.to, at: play.at + Math.round((stopAt - play.from) * SECOND) + gap });
      later = true;
    } else result.push(play);
  }
  return result;
}

function rewatchRows(progressId: string, courseId: string, lessonId: string, reports: Report[]) {
  return reports.flatMap((r) => r.rewatched.map((segment) => ({ progressId, courseId, lessonId, segment, at: r.at })));
}

/** Questions asked while watching, each at the moment of the video it is about (the first time it played). */
function videoQuestions(ctx: StudyContext, lesson: CatalogLesson, plays: Play[], end: number): Ask[] {
  const random = streamOf(ctx, lesson, "ask");
  const { learner } = ctx;
  let count = random.chance(0.15 + 0.55 * learner.curiosity) ? 1 : 0;
  if (count > 0 && random.chance(0.3)) count = 2;
  const nearHotspot = (s: number) => lesson.hotspots.some((h) => s >= h.from_seconds - 5 && s <= h.to_seconds + 5);
  let pool = lesson.questions.filter((q) => q.atSeconds !== null && q.atSeconds < end);
  const asks: Ask[] = [];
  while (count-- > 0 && pool.length > 0) {
    const picked = random.weighted(pool, (q) => (nearHotspot(q.atSeconds ?? 0) ? 2.5 : 1) / (1 + asked(ctx, q)));
    pool = pool.filter((q) => q !== picked);
    const second = picked.atSeconds ?? 0;
    const play = plays.find((p) => p.from <= second && second < p.to);
    if (!play) continue;
    asks.push({
      userId: learner.id,
      courseId: ctx.course.id,
      lessonId: lesson.id,
      question: countAsked(ctx, picked).question,
      positionSeconds: round1(Math.min(lesson.durationSeconds, Math.max(0, second + random.between(-2, 2)))),
      hintOnly: lesson.quiz !== null,
      at: play.at + Math.round((second - play.from) * SECOND + random.between(5, 40) * SECOND),
    });
  }
  return asks;
}

const asked = (ctx: StudyContext, q: { question: string }) => 1.5 * (ctx.timesAsked.get(q.question) ?? 0);

/**
 * Counts the question and returns it as this learner types it: the first asker in the content's words, later ones
 * more casually (two people rarely type the very same sentence).
 */
function countAsked(ctx: StudyContext, q: { question: string }): { question: string } {
  const before = ctx.timesAsked.get(q.question) ?? 0;
  ctx.timesAsked.set(q.question, before + 1);
  const casual = q.question.charAt(0).toLowerCase() + q.question.slice(1);
  const variants = [
    q.question,
    `Quick question: ${casual}`,
    casual.replace(/\?$/, ""),
    `Sorry if this is obvious, but ${casual}`,
    `Can someone explain this part? ${q.question}`,
  ];
  return { question: variants[before % variants.length] as string };
}

function readText(ctx: StudyContext, lesson: CatalogLesson, start: number): LessonOutcome {
  const random = streamOf(ctx, lesson, "read");
  const { learner } = ctx;
  const reading = Math.round(lesson.durationSeconds * random.between(0.6, 1.8) * (1.3 - 0.5 * learner.engagement));
  const completed = random.chance(0.82 + 0.15 * learner.engagement);
  const done = start + reading * SECOND;
  const plan = emptyPlan();
  plan.events.push(event("lesson_start", ctx, lesson, start, {}));
  if (completed) plan.events.push(completionEvent(ctx, lesson, start, done));
  plan.progress.push({
    id: randomUUID(),
    userId: learner.id,
    courseId: ctx.course.id,
    lessonId: lesson.id,
    durationSeconds: lesson.durationSeconds,
    watchedSegments: [],
    positionSeconds: 0,
    lastRewatch: [],
    isCompleted: completed,
    completedAt: completed ? done : null,
    quizProgress: null,
    startedAt: start,
    updatedAt: completed ? done : start,
  });
  const asks: Ask[] = [];
  const asking = streamOf(ctx, lesson, "ask");
  if (lesson.questions.length > 0 && asking.chance(0.08 + 0.3 * learner.curiosity)) {
    asks.push({
      userId: learner.id,
      courseId: ctx.course.id,
      lessonId: lesson.id,
      question: countAsked(
        ctx,
        asking.weighted(lesson.questions, (q) => 1 / (1 + asked(ctx, q))),
      ).question,
      positionSeconds: null,
      hintOnly: lesson.quiz !== null,
      at: start + Math.round(reading * asking.between(0.2, 0.9) * SECOND),
    });
  }
  const endedAt = completed ? done : start + reading * SECOND;
  return { plan, asks, completed, completedAt: completed ? done : null, lastTouch: completed ? done : start, endedAt };
}

/**
 * The quiz after the lesson: up to three attempts, a failed one often retaken later, and before a retake on a hard
 * video the learner sometimes goes back over its hard stretch.
 */
function takeQuiz(ctx: StudyContext, lesson: CatalogLesson, outcome: LessonOutcome): void {
  const random = streamOf(ctx, lesson, "quiz");
  const { learner } = ctx;
  const quiz = lesson.quiz;
  const row = outcome.plan.progress[0];
  if (!quiz || !row || !random.chance(0.85)) return;
  const hardest = Math.max(0, ...lesson.hotspots.map((h) => h.weight));
  const difficulty = lesson.kind === "video" ? 0.08 * Math.max(0, hardest - 0.7) + 0.04 : 0.05;
  let at = outcome.endedAt + Math.round(random.between(1, 8) * MINUTE);
  const progress: QuizProgress = { attempts: 0, best_score: null, passed: false, last_attempt_at: null };
  for (let attempt = 0; attempt < 3; attempt++) {
    const pCorrect = Math.min(0.97, Math.max(0.15, 0.48 + 0.5 * learner.skill - difficulty + 0.15 * attempt));
    const scored = answerQuiz(random, quiz.questions, pCorrect, quiz.passMark);
    outcome.plan.attempts.push({
      userId: learner.id,
      quizId: quiz.id,
      lessonId: lesson.id,
      courseId: ctx.course.id,
      ...scored,
      at,
    });
    outcome.plan.events.push(event("quiz_submitted", ctx, lesson, at, { score: scored.score, passed: scored.passed }));
    progress.attempts += 1;
    progress.best_score = Math.max(progress.best_score ?? 0, scored.score);
    progress.passed ||= scored.passed;
    progress.last_attempt_at = new Date(at).toISOString();
    row.updatedAt = Math.max(row.updatedAt, at);
    outcome.endedAt = Math.max(outcome.endedAt, at);
    if (scored.passed || !random.chance(0.7)) break;
    at += Math.round(random.between(15 * MINUTE, 2 * DAY));
    const hotspot = lesson.hotspots.find((h) => h.weight >= 1);
    if (hotspot && random.chance(0.5)) reviewStretch(ctx, lesson, outcome, hotspot, at, random);
  }
  row.quizProgress = progress;
}

/** A short session going back over one stretch of the video just before retaking its quiz. */
function reviewStretch(
  ctx: StudyContext,
  lesson: CatalogLesson,
  outcome: LessonOutcome,
  stretch: { from_seconds: number; to_seconds: number },
  quizAt: number,
  random: Random,
): void {
  const row = outcome.plan.progress[0];
  if (!row) return;
  const length = stretch.to_seconds - stretch.from_seconds;
  const at = quizAt - Math.round((length + random.between(60, 300)) * SECOND);
  const plays = [{ from: stretch.from_seconds, to: stretch.to_seconds, at }];
  const { watched, reports } = replay(plays, lesson.durationSeconds, row.watchedSegments);
  const last = reports.at(-1);
  if (!last) return;
  outcome.plan.rewatches.push(...rewatchRows(row.id, ctx.course.id, lesson.id, reports));
  row.watchedSegments = watched;
  row.positionSeconds = last.segment[1];
  row.lastRewatch = last.rewatched;
  row.updatedAt = Math.max(row.updatedAt, last.at);
  outcome.lastTouch = Math.max(outcome.lastTouch, last.at);
}

function event(
  type: ActivityPlan["events"][number]["type"],
  ctx: StudyContext,
  lesson: CatalogLesson,
  at: number,
  data: Record<string, unknown>,
): ActivityPlan["events"][number] {
  return { type, userId: ctx.learner.id, courseId: ctx.course.id, lessonId: lesson.id, data, at };
}

/** As the progress service records it: seconds from the lesson's start to its completion, and the lesson's length. */
function completionEvent(ctx: StudyContext, lesson: CatalogLesson, startedAt: number, at: number) {
  return event("lesson_completion", ctx, lesson, at, {
    completion_time_seconds: Math.max(0, Math.round((at - startedAt) / SECOND)),
    duration_seconds: lesson.durationSeconds,
  });
}
