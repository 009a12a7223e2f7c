import { randomUUID } from "node:crypto";
import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, elapseViewing, fieldsOf, type Session } from "./helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "./learning-fixtures.js";

type Bucket = {
  start_seconds: number;
  end_seconds: number;
  rewatch_learners: number;
  rewatched_seconds: number;
  rewatches: number;
  questions: number;
};
type LessonAnalytics = {
  course: { id: string; title: string };
  lesson: { id: string; title: string; kind: string; position: number; duration_seconds: number };
  range: { from: string; to: string; days: number };
  funnel: { started: number; completed: number; drop_off_rate: number | null };
  average_watch_percentage: number | null;
  quiz: { attempts: number; pass_rate: number | null } | null;
  bucket_seconds: number;
  timeline: Bucket[];
  rewatch_totals: { learners: number; rewatched_seconds: number };
  questions: {
    total: number;
    items: Array<{ question: string; position_seconds: number | null; asked_at: string }>;
  };
};
type StuckRow = { lesson_id: string; rewatch_learners: number; rewatched_seconds: number; questions: number };

let ctx: TestApp;
let creator: Session;
let otherCreator: Session;
let admin: Session;
let learners: Session[];
let course: BuiltCourse;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await ctx.people.creator("owner@example.com");
  otherCreator = await ctx.people.creator("rival@example.com");
  admin = await ctx.people.admin();
  learners = await Promise.all(["ana", "ben", "cai"].map((name) => ctx.people.learner(`${name}@example.com`)));
  course = await buildCourse(ctx, creator);
  for (const learner of learners) expect((await enroll(ctx, learner, course.courseId)).status).toBe(201);
});

/** One player report: the stretch just watched, as the learning room sends it. */
/** A report after really watching `from`–`to`: that much wall time passes first (see elapseViewing). */
async function watch(who: Session, from: number, to: number) {
  await elapseViewing(ctx, who.user.id, course.videoLessonId, to - from);
  const res = await call(ctx.app, {
    method: "PUT",
    url: `/api/v1/lessons/${course.videoLessonId}/progress`,
    token: who.access_token,
    payload: { position_seconds: to, segment: { from_seconds: from, to_seconds: to } },
  });
  expect(res.status).toBe(200);
  return res;
}

function lessonAnalytics(who: Session, query = "", lessonId = course.videoLessonId, courseId = course.courseId) {
  return call<LessonAnalytics>(ctx.app, {
    method: "GET",
    url: `/api/v1/analytics/courses/${courseId}/lessons/${lessonId}${query}`,
    token: who.access_token,
  });
}

async function videoTimeline() {
  await ctx.app.progressFlush(); // analytics read the table: what was acknowledged, written
  const res = await lessonAnalytics(creator);
  expect(res.status).toBe(200);
  return res.body.data;
}

/** The rewatched stretches as stored, oldest first: what the heat strip is built from. */
async function storedRewatches() {
  await ctx.app.progressFlush();
  const { rows } = await execRows<{ from_seconds: number; to_seconds: number }>(
    ctx.database.db,
    sql`select from_seconds, to_seconds from lesson_rewatches order by created_at, from_seconds`,
  );
  return rows.map((r) => [Number(r.from_seconds), Number(r.to_seconds)]);
}

describe("rewatched seconds", () => {
  it("computes the overlap with what was watched in SQL, ignoring shared boundaries and jitter under a second", async () => {
    const overlap = async (watched: number[][], added: number[][]) => {
      const { rows } = await execRows<{ o: unknown }>(
        ctx.database.db,
        sql`select lumen_segments_overlap(${JSON.stringify(watched)}::jsonb, ${JSON.stringify(added)}::jsonb) as o`,
      );
      const value = rows[0]?.o;
      return typeof value === "string" ? JSON.parse(value) : value;
    };
    expect(await overlap([], [[0, 10]])).toEqual([]);
    expect(await overlap([[0, 10]], [[10, 20]])).toEqual([]);
    expect(await overlap([[0, 10]], [[9.6, 20]])).toEqual([]);
    expect(await overlap([[0, 10]], [[5, 20]])).toEqual([[5, 10]]);
    expect(
      await overlap(
        [
          [0, 10],
          [20, 30],
        ],
        [[5, 25]],
      ),
    ).toEqual([
      [5, 10],
      [20, 25],
    ]);
  });

  it("counts only seconds really watched again: not a first viewing, not a scrub forward", async () => {
    const [ana] = learners as [Session];
    await watch(ana, 0, 30);
    await watch(ana, 30, 50); // continues where the last report ended
    await watch(ana, 70, 80); // scrubbed forward past 50–70: a gap, not a rewatch
    expect(await storedRewatches()).toEqual([]);

    await watch(ana, 20, 40); // went back ten seconds… and twenty
    await watch(ana, 45, 75); // over the end of what was watched, the unwatched gap, and into 70–80
    expect(await storedRewatches()).toEqual([
      [20, 40],
      [45, 50],
      [70, 75],
    ]);

    const data = await videoTimeline();
    expect(data.lesson).toMatchObject({ id: course.videoLessonId, kind: "video", duration_seconds: 100 });
    expect(data.bucket_seconds).toBe(5);
    expect(data.timeline).toHaveLength(20);
    expect(data.rewatch_totals).toEqual({ learners: 1, rewatched_seconds: 30 });
    const rewatched = data.timeline.filter((b) => b.rewatch_learners > 0).map((b) => b.start_seconds);
    expect(rewatched).toEqual([20, 25, 30, 35, 45, 70]);
    expect(data.timeline.find((b) => b.start_seconds === 20)).toEqual({
      start_seconds: 20,
      end_seconds: 25,
      rewatch_learners: 1,
      rewatched_seconds: 5,
      rewatches: 1,
      questions: 0,
    });
    // 45–75 also filled the 50–70 gap, so 0–80 has been watched: progress is unaffected by the rewatch bookkeeping.
    const progress = await call<{ video_progress: { watch_percentage: number } }>(ctx.app, {
      method: "GET",
      url: `/api/v1/lessons/${course.videoLessonId}/progress`,
      token: ana.access_token,
    });
    expect(progress.body.data.video_progress.watch_percentage).toBe(80);
  });

  it("counts distinct learners and whole-stretch rewatches per bucket with several learners", async () => {
    const [ana, ben, cai] = learners as [Session, Session, Session];
    await watch(ana, 0, 10);
    await watch(ana, 0, 10);
    await watch(ana, 0, 10); // 0–10 twice again
    await watch(ben, 0, 20);
    await watch(ben, 5, 15); // 5–15 once again
    await watch(cai, 0, 100); // watched once: no rewatch

    const data = await videoTimeline();
    const at = (start: number) => data.timeline.find((b) => b.start_seconds === start);
    expect(at(0)).toMatchObject({ rewatch_learners: 1, rewatched_seconds: 10, rewatches: 2 });
    expect(at(5)).toMatchObject({ rewatch_learners: 2, rewatched_seconds: 15, rewatches: 3 });
    expect(at(10)).toMatchObject({ rewatch_learners: 1, rewatched_seconds: 5, rewatches: 1 });
    expect(at(15)).toMatchObject({ rewatch_learners: 0, rewatched_seconds: 0, rewatches: 0 });
    expect(data.rewatch_totals).toEqual({ learners: 2, rewatched_seconds: 30 });
    expect(data.funnel.started).toBe(3);

    const overview = await call<{ where_stuck: StuckRow[] }>(ctx.app, {
      method: "GET",
      url: `/api/v1/analytics/courses/${course.courseId}`,
      token: creator.access_token,
    });
    expect(overview.status).toBe(200);
    expect(overview.body.data.where_stuck).toEqual([
      expect.objectContaining({ lesson_id: course.videoLessonId, rewatch_learners: 2, rewatched_seconds: 30 }),
      expect.objectContaining({ lesson_id: course.textLessonId, rewatch_learners: 0, rewatched_seconds: 0 }),
    ]);
  });

  it("keeps the counts exact under 60 reports from three learners reporting at once", async () => {
    // Stretches on a 10 s grid: two reports of the same stretch overlap by 10 s, neighbours only touch. Whatever
    // order the database applies them in, each learner's rewatched seconds are (reports − distinct stretches) × 10.
    // Each learner's player reports one stretch after another (reports of one learner share one viewing-credit
    // window, so a burst of them could not all be credited); the three learners race each other.
    const plans = learners.map((_, l) => Array.from({ length: 20 }, (_, i) => ((i * (l + 3)) % 7) * 10));
    await Promise.all(
      plans.map(async (starts, l) => {
        for (const from of starts) await watch(learners[l] as Session, from, from + 10);
      }),
    );
    const expected = plans.map((starts) => (starts.length - new Set(starts).size) * 10);
    const data = await videoTimeline();
    expect(data.rewatch_totals).toEqual({ learners: 3, rewatched_seconds: expected.reduce((a, b) => a + b, 0) });
    expect(await storedRewatches()).toHaveLength(expected.reduce((a, b) => a + b, 0) / 10);
    // Every stretch any learner reported twice or more shows that learner in its two buckets.
    for (let from = 0; from < 70; from += 10) {
      const repeaters = plans.filter((starts) => starts.filter((s) => s === from).length > 1).length;
      expect(data.timeline.find((b) => b.start_seconds === from)?.rewatch_learners).toBe(repeaters);
      expect(data.timeline.find((b) => b.start_seconds === from + 5)?.rewatch_learners).toBe(repeaters);
    }
    // The progress invariants hold too: 7 distinct stretches of 10 s were watched, 70% of the video.
    for (const learner of learners) {
      const progress = await call<{ video_progress: { watch_percentage: number } }>(ctx.app, {
        method: "GET",
        url: `/api/v1/lessons/${course.videoLessonId}/progress`,
        token: learner.access_token,
      });
      expect(progress.body.data.video_progress.watch_percentage).toBe(70);
    }
  });

  it("only counts rewatches within the date range", async () => {
    const [ana] = learners as [Session];
    await watch(ana, 0, 10);
    await watch(ana, 0, 10);
    const past = await lessonAnalytics(creator, "?from=2020-01-01&to=2020-01-31");
    expect(past.status).toBe(200);
    expect(past.body.data.rewatch_totals).toEqual({ learners: 0, rewatched_seconds: 0 });
    expect(past.body.data.timeline.every((b) => b.rewatch_learners === 0)).toBe(true);
  });
});

describe("tutor questions on the timeline", () => {
  const ask = (who: Session, payload: Record<string, unknown>) =>
    call<{ answer: string }>(ctx.app, { method: "POST", url: "/api/v1/ai/chat", token: who.access_token, payload });

  it("keeps each question's second and text, newest first, and never who asked", async () => {
    const [ana, ben] = learners as [Session, Session];
    expect(
      (
        await ask(ana, {
          message: "Why do chloroplasts capture light?",
          lesson_id: course.videoLessonId,
          position_seconds: 42.25,
        })
      ).status,
    ).toBe(200);
    expect((await ask(ben, { message: "What is cue number 3 about?", lesson_id: course.videoLessonId })).status).toBe(
      200,
    );
    // Past the end of the 100 s video: kept at its end.
    expect(
      (await ask(ben, { message: "What comes after this?", lesson_id: course.videoLessonId, position_seconds: 130 }))
        .status,
    ).toBe(200);
    // A text lesson has no timeline: the second is not kept.
    expect(
      (await ask(ana, { message: "Where is the DNA kept?", lesson_id: course.textLessonId, position_seconds: 12 }))
        .status,
    ).toBe(200);

    const res = await lessonAnalytics(creator);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.questions.total).toBe(3);
    expect(data.questions.items.map((q) => [q.question, q.position_seconds])).toEqual([
      ["What comes after this?", 100],
      ["What is cue number 3 about?", null],
      ["Why do chloroplasts capture light?", 42.3],
    ]);
    expect(Object.keys(data.questions.items[0] ?? {}).sort()).toEqual(["asked_at", "position_seconds", "question"]);
    expect(data.timeline.find((b) => b.start_seconds === 40)?.questions).toBe(1);
    expect(data.timeline.find((b) => b.start_seconds === 95)?.questions).toBe(1);
    expect(data.timeline.reduce((sum, b) => sum + b.questions, 0)).toBe(2);

    // Privacy: nothing in what the creator receives points at a learner.
    const body = res.res.body;
    for (const learner of [ana, ben]) {
      expect(body).not.toContain(learner.user.id);
      expect(body).not.toContain(learner.user.email);
    }
    expect(body).not.toContain("Test User");

    const text = await lessonAnalytics(creator, "", course.textLessonId);
    expect(text.status).toBe(200);
    expect(text.body.data.timeline).toEqual([]);
    expect(text.body.data.questions.items).toEqual([
      expect.objectContaining({ question: "Where is the DNA kept?", position_seconds: null }),
    ]);
  });

  it("rejects a bad position with the field named, and a position without a lesson", async () => {
    const [ana] = learners as [Session];
    for (const position_seconds of [-1, 86_401, "soon"]) {
      const res = await ask(ana, { message: "Hm?", lesson_id: course.videoLessonId, position_seconds });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe("VALIDATION_ERROR");
      expect(fieldsOf(res.body)).toHaveProperty("position_seconds");
    }
    const orphan = await ask(ana, { message: "Hm?", course_id: course.courseId, position_seconds: 5 });
    expect(orphan.status).toBe(400);
    expect(fieldsOf(orphan.body)).toHaveProperty("position_seconds");
  });
});

describe("who may read a lesson's analytics", () => {
  it("lets the course's creator and admins in, and no one else", async () => {
    const [ana] = learners as [Session];
    expect((await lessonAnalytics(creator)).status).toBe(200);
    const asAdmin = await lessonAnalytics(admin);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.data.course).toEqual({ id: course.courseId, title: "Cell Biology Basics" });
    for (const who of [ana, otherCreator]) {
      const res = await lessonAnalytics(who);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe("FORBIDDEN");
    }
    const guest = await call(ctx.app, {
      method: "GET",
      url: `/api/v1/analytics/courses/${course.courseId}/lessons/${course.videoLessonId}`,
    });
    expect(guest.status).toBe(401);
  });

  it("answers 404 for an unknown course or a lesson of another course", async () => {
    const unknown = await lessonAnalytics(creator, "", course.videoLessonId, randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe("NOT_FOUND");
    const other = await buildCourse(ctx, otherCreator, { title: "Another course" });
    const foreign = await lessonAnalytics(creator, "", other.videoLessonId);
    expect(foreign.status).toBe(404);
    expect((await lessonAnalytics(creator, "", randomUUID())).status).toBe(404);
  });

  it("rejects malformed ids and date ranges in the envelope, naming the field", async () => {
    const badLesson = await lessonAnalytics(creator, "", "not-a-uuid");
    expect(badLesson.status).toBe(400);
    expect(badLesson.body.error?.code).toBe("VALIDATION_ERROR");
    expect(fieldsOf(badLesson.body)).toHaveProperty("lesson_id");
    const badCourse = await lessonAnalytics(creator, "", course.videoLessonId, "42");
    expect(badCourse.status).toBe(400);
    for (const query of ["?from=2025-13-01", "?from=2025-03-05&to=2025-03-01", "?from=2023-01-01&to=2025-01-01"]) {
      const res = await lessonAnalytics(creator, query);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toHaveProperty("from");
    }
  });
});
