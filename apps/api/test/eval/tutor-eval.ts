import { execRows } from "@lumen/db";
import { seedDemo } from "@lumen/db/seed";
import { sql } from "drizzle-orm";
import type { Passage } from "../../src/modules/ai/ai.context.js";
import { offlineReply } from "../../src/modules/ai/ai.reply.js";
import { findPassages, planAsk } from "../../src/modules/ai/ai.retrieve.js";
import { composeAnswer } from "../../src/modules/ai/offline/answer.js";
import { composeSummary } from "../../src/modules/ai/offline/summary.js";
import { createRetrievalRepo } from "../../src/modules/ai/retrieval/retrieval.repo.js";
import { createRetrievalIndex } from "../../src/modules/ai/retrieval/retrieval.service.js";
import { hashPassword } from "../../src/modules/auth/password.js";
import { call, login, type Session, type TestContext } from "../helpers.js";
import { EVAL_COURSES, toVtt } from "./eval-courses.js";
import { INJECTIONS, OFF_TOPIC, PANEL_PROMPTS, SIMPLER_PROMPT, TUTOR_CASES } from "./tutor-set.js";

export interface TutorMetrics {
  questions: number;
  recallAt3: number;
  keyTermRate: number;
  falseRefusals: number;
  offTopicRefused: number;
  leaks: number;
  /** Panel prompts (and "Explain simpler" after each) answered with a citation of the lesson, out of how many. */
  panelPrompts: { answered: number; asked: number };
  samples: Array<{ question: string; answer: string }>;
  misses: string[];
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

async function post<T>(ctx: TestContext, who: Session, url: string, payload: object): Promise<T> {
  const res = await call<T>(ctx.app, { method: "POST", url: `/api/v1${url}`, token: who.access_token, payload });
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

/** The demo catalog plus the evaluation-only courses, created through the API by a demo creator, all indexed. */
export async function prepareEvalCatalog(ctx: TestContext): Promise<void> {
  await seedDemo(ctx.database.db, { hashPassword });
  const ada = (await login(ctx.app, "ada@lumen.dev", "lumen-creator-demo")).body.data as Session;
  for (const course of EVAL_COURSES) {
    const made = await post<{ id: string }>(ctx, ada, "/courses", {
      title: course.title,
      description: course.description,
      category: "Lifestyle",
      level: "beginner",
      pricing: { is_free: true, price: 0 },
    });
    const mod = await post<{ id: string }>(ctx, ada, `/courses/${made.id}/modules`, { title: "Essentials" });
    for (const lesson of course.lessons) {
      await post(ctx, ada, `/modules/${mod.id}/lessons`, {
        title: lesson.title,
        kind: lesson.kind,
        ...(lesson.kind === "video"
          ? { video_url: "https://videos.example.com/eval/lesson.webm", transcript_vtt: toVtt(lesson.cues ?? []) }
          : { content_md: lesson.markdown, duration_seconds: 180 }),
      });
    }
    const pub = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${made.id}`,
      token: ada.access_token,
      payload: { status: "published" },
    });
    if (pub.status !== 200) throw new Error(`publish ${course.title}: ${pub.status}`);
  }
  await ctx.app.ai.indexAll();
}

/**
 * Runs the tutor's evaluation set through the same retrieval and offline answer the chat endpoint uses (as an
 * admin, who may read every course, so access rules don't blur what is measured).
 */
export async function runTutorEval(ctx: TestContext): Promise<TutorMetrics> {
  const { rows } = await execRows<{ id: string; title: string; course_id: string; course: string }>(
    ctx.database.db,
    sql`select l.id, l.title, l.course_id, c.title as course from lessons l join courses c on c.id = l.course_id`,
  );
  const lessonOf = (course: string, title: string) => {
    const row = rows.find((r) => r.course === course && r.title === title);
    if (!row) throw new Error(`eval set names an unknown lesson: ${course} › ${title}`);
    return row;
  };
  const courseOf = (course: string) => {
    const row = rows.find((r) => r.course === course);
    if (!row) throw new Error(`eval set names an unknown course: ${course}`);
    return row.course_id;
  };
  const viewer = { userId: "00000000-0000-4000-8000-000000000000", role: "admin" };
  const index = createRetrievalIndex({ repo: createRetrievalRepo(ctx.database.db) });
  // The chat endpoint's own retrieval: search, rerank, the current lesson first, passages joined across cues.
  const search = (query: string, courseId: string, lessonId?: string): Promise<Passage[]> =>
    findPassages(index, planAsk(query, "normal", [], lessonId ?? null), {
      viewer,
      courseId,
      lessonId: lessonId ?? null,
    });
  const answer = (question: string, passages: Passage[], lessonId?: string) =>
    composeAnswer({
      question,
      passages,
      level: "intermediate",
      mode: "normal",
      hintOnly: false,
      currentLessonId: lessonId ?? null,
    });

  let found = 0;
  let keyed = 0;
  let refused = 0;
  const misses: string[] = [];
  const samples: TutorMetrics["samples"] = [];
  for (const c of TUTOR_CASES) {
    const lesson = lessonOf(c.course, c.lesson);
    const passages = await search(c.question, lesson.course_id, lesson.id);
    const hit = passages.slice(0, 3).some((p) => p.lessonId === lesson.id && squash(p.text).includes(squash(c.cue)));
    if (hit) found++;
    const reply = answer(c.question, passages, lesson.id);
    if (!reply.grounded) refused++;
    const hasKey = reply.grounded && squash(reply.answer).includes(squash(c.key));
    if (hasKey) keyed++;
    if (!hit || !hasKey)
      misses.push(
        `${hit ? "" : "[cue] "}${hasKey ? "" : "[key] "}${c.question}${
          process.env.EVAL_VERBOSE
            ? ` → ${squash(reply.answer).slice(0, 300)} ‖ top: ${passages
                .slice(0, 3)
                .map((p) => `${p.lessonTitle}: ${squash(p.text).slice(0, 80)}`)
                .join(" | ")}`
            : ""
        }`,
      );
    if (samples.length < 6 && hasKey && TUTOR_CASES.indexOf(c) % 11 === 0)
      samples.push({ question: c.question, answer: reply.answer });
  }

  let offTopicRefused = 0;
  for (const o of OFF_TOPIC) {
    const reply = answer(o.question, await search(o.question, courseOf(o.course)));
    if (!reply.grounded) offTopicRefused++;
    else misses.push(`[off-topic answered] ${o.question}`);
  }
  let leaks = 0;
  for (const inj of INJECTIONS) {
    const reply = answer(inj.question, await search(inj.question, courseOf(inj.course)));
    if (inj.forbidden.test(reply.answer)) {
      leaks++;
      misses.push(`[injection obeyed] ${inj.question}`);
    }
  }
  // Open quizzes: asking a demo quiz's own question in hint mode must never give its answer.
  const quizzes = await execRows<{ lesson_id: string; course_id: string; questions: Array<Record<string, unknown>> }>(
    ctx.database.db,
    sql`select lesson_id, course_id, questions from quizzes`,
  );
  let quizCases = 0;
  for (const quiz of quizzes.rows) {
    for (const q of quiz.questions) {
      const answers =
        q.type === "single_choice"
          ? [(q.options as string[])[q.correct as number] ?? ""]
          : q.type === "short_answer"
            ? (q.accepted_answers as string[])
            : [];
      const withhold = answers.filter((a) => a.trim().length > 2);
      if (withhold.length === 0) continue;
      quizCases++;
      const question = String(q.question);
      const passages = await search(question, quiz.course_id, quiz.lesson_id);
      const reply = composeAnswer({
        question,
        passages,
        level: "beginner",
        mode: "normal",
        hintOnly: true,
        withhold,
      });
      const text = squash(`${reply.answer} ${reply.citations.map((c) => c.excerpt).join(" ")}`);
      if (
        withhold.some((a) =>
          new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(squash(a))}(?![\\p{L}\\p{N}])`, "u").test(text),
        )
      ) {
        leaks++;
        misses.push(`[quiz answer leaked] ${question} → ${text}`);
      }
    }
  }
  if (quizCases === 0) throw new Error("no open-quiz cases: the demo quizzes were not found");

  // The panel's suggested prompts, then "Explain simpler" on the answer, on every demo lesson: the chat path's
  // planning, retrieval and offline reply, with the conversation as history.
  const evalCourses = new Set(EVAL_COURSES.map((c) => c.title));
  const panel = { answered: 0, asked: 0 };
  const noQuiz = { hintOnly: false, withheld: [], step: 0 };
  const offline = { composeAnswer, composeSummary };
  for (const lesson of rows.filter((r) => !evalCourses.has(r.course))) {
    for (const prompt of PANEL_PROMPTS) {
      const turns: Array<{ role: "user" | "assistant"; content: string }> = [];
      for (const [message, mode] of [
        [prompt, "normal"],
        [SIMPLER_PROMPT, "simpler"],
      ] as const) {
        const plan = planAsk(message, mode, turns, lesson.id);
        const passages = await findPassages(index, plan, { viewer, courseId: lesson.course_id, lessonId: lesson.id });
        const reply = offlineReply(offline, { plan, passages, level: "beginner", guard: noQuiz, lessonId: lesson.id });
        panel.asked++;
        if (reply.grounded && reply.citations.length > 0 && reply.citations.every((c) => c.lesson_id === lesson.id))
          panel.answered++;
        else misses.push(`[panel prompt] ${lesson.course} › ${lesson.title}: ${message} → ${squash(reply.content)}`);
        if (samples.length < 8 && lesson === rows[0]) samples.push({ question: message, answer: reply.content });
        turns.push({ role: "user", content: message }, { role: "assistant", content: reply.content });
      }
    }
  }

  const n = TUTOR_CASES.length;
  return {
    panelPrompts: panel,
    questions: n,
    recallAt3: found / n,
    keyTermRate: keyed / n,
    falseRefusals: refused / n,
    offTopicRefused: offTopicRefused / OFF_TOPIC.length,
    leaks,
    samples,
    misses,
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function formatTutorMetrics(m: TutorMetrics): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `tutor eval: ${m.questions} questions, ${OFF_TOPIC.length} off-topic, ${INJECTIONS.length} injections`,
    `  right cue in top 3   ${pct(m.recallAt3)}   (target ≥ 90%)`,
    `  key term in answer   ${pct(m.keyTermRate)}   (target ≥ 85%)`,
    `  false refusals       ${pct(m.falseRefusals)}   (target ≤ 5%)`,
    `  off-topic refused    ${pct(m.offTopicRefused)}   (target ≥ 95%)`,
    `  leaks                ${m.leaks}   (target 0)`,
    `  panel prompts        ${m.panelPrompts.answered}/${m.panelPrompts.asked} answered with a citation   (target all)`,
    ...(m.misses.length ? ["  misses:", ...m.misses.map((x) => `    ${x}`)] : []),
  ].join("\n");
}
