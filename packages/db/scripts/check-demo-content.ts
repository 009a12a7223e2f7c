/**
 * Validates the demo catalog (packages/db/src/seed/content) against its assets.
 *
 *   npx tsx packages/db/scripts/check-demo-content.ts          # check, exit 1 on any error
 *   npx tsx packages/db/scripts/check-demo-content.ts --fix    # also rewrite duration_seconds in the course files
 *
 * Checks: referenced transcript/media/thumbnail files exist; every WebVTT parses with monotonic,
 * non-overlapping cues; video duration_seconds === Math.ceil(last cue end) and matches the .webm
 * (via ffprobe when installed); text-lesson reading times; catalog counts; quiz answer indexes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { demoCourses } from "../src/seed/content/index.js";
import type { DemoCourse, DemoLesson, DemoQuiz } from "../src/seed/content/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const dbRoot = path.resolve(here, "..");
const mediaDir = path.join(dbRoot, "assets", "media");
const transcriptDir = path.join(dbRoot, "assets", "transcripts");
const coursesDir = path.join(dbRoot, "src", "seed", "content", "courses");

const CATEGORIES = ["Science", "Programming", "Mathematics", "Data & AI", "Business", "Languages"];
const MEDIA_BUDGET_BYTES = 20 * 1024 * 1024;
const THUMBNAIL_MAX_BYTES = 6 * 1024;

const fix = process.argv.includes("--fix");
const errors: string[] = [];
const warnings: string[] = [];
const error = (where: string, msg: string): void => {
  errors.push(`${where}: ${msg}`);
};
const warn = (where: string, msg: string): void => {
  warnings.push(`${where}: ${msg}`);
};

// ---------- WebVTT ----------

export interface Cue {
  start: number;
  end: number;
  text: string;
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function parseTimestamp(value: string): number | null {
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return null;
  const [, h, min, s, ms] = m;
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s) + Number(ms) / 1000;
}

/** Minimal WebVTT parser: header, optional cue identifiers, "start --> end [settings]" lines, cue text. */
export function parseVtt(source: string): { cues: Cue[]; problems: string[] } {
  const problems: string[] = [];
  const cues: Cue[] = [];
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const blocks = text.split(/\n{2,}/);
  const header = blocks.shift() ?? "";
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header.split("\n")[0] ?? "")) problems.push("missing WEBVTT header");
  for (const block of blocks) {
    const lines = block.split("\n").filter((l) => l.length > 0);
    if (lines.length === 0) continue;
    if (/^(NOTE|STYLE|REGION)\b/.test(lines[0] ?? "")) continue;
    const timingIndex = lines.findIndex((l) => l.includes("-->"));
    if (timingIndex < 0 || timingIndex > 1) {
      problems.push(`block without timing line: ${JSON.stringify(lines[0])}`);
      continue;
    }
    const [startRaw = "", rest = ""] = (lines[timingIndex] ?? "").split("-->");
    const start = parseTimestamp(startRaw);
    const end = parseTimestamp(rest.trim().split(/\s+/)[0] ?? "");
    if (start === null || end === null) {
      problems.push(`bad timestamps: ${lines[timingIndex]}`);
      continue;
    }
    const cueText = lines
      .slice(timingIndex + 1)
      .join("\n")
      .trim();
    if (!cueText) problems.push(`empty cue at ${startRaw.trim()}`);
    cues.push({ start, end, text: cueText });
  }
  if (cues.length === 0) problems.push("no cues");
  let previousEnd = 0;
  cues.forEach((cue, i) => {
    if (cue.end <= cue.start) problems.push(`cue ${i + 1} ends before it starts`);
    if (cue.start < previousEnd - 0.0005) problems.push(`cue ${i + 1} overlaps the previous cue`);
    previousEnd = cue.end;
  });
  return { cues, problems };
}

// ---------- helpers ----------

function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function readingSeconds(markdown: string): number {
  return Math.round((wordCount(markdown) / 200) * 60);
}

const hasFfprobe = spawnSync("ffprobe", ["-version"], { stdio: "ignore" }).status === 0;

function probe(file: string): { duration: number; streams: string[] } | null {
  const res = spawnSync(
    "ffprobe",
    ["-v", "error", "-show_entries", "format=duration:stream=codec_type,codec_name", "-of", "json", file],
    { encoding: "utf8" },
  );
  if (res.status !== 0) return null;
  const data = JSON.parse(res.stdout) as {
    format?: { duration?: string };
    streams?: { codec_type?: string; codec_name?: string }[];
  };
  return {
    duration: Number(data.format?.duration ?? Number.NaN),
    streams: (data.streams ?? []).map((s) => `${s.codec_type}:${s.codec_name}`),
  };
}

function checkQuiz(where: string, quiz: DemoQuiz): void {
  if (quiz.pass_mark !== undefined && (quiz.pass_mark < 0 || quiz.pass_mark > 100)) {
    error(where, `pass_mark ${quiz.pass_mark} outside 0..100`);
  }
  if (quiz.questions.length < 3 || quiz.questions.length > 5) {
    error(where, `quiz has ${quiz.questions.length} questions (expected 3–5)`);
  }
  quiz.questions.forEach((q, i) => {
    const qw = `${where} › Q${i + 1}`;
    if (!q.question.trim()) error(qw, "empty question");
    if (!q.explanation.trim()) error(qw, "missing explanation");
    switch (q.type) {
      case "single_choice":
        if (q.options.length < 2) error(qw, "needs at least 2 options");
        if (!Number.isInteger(q.correct) || q.correct < 0 || q.correct >= q.options.length) {
          error(qw, `correct index ${q.correct} out of range`);
        }
        break;
      case "multiple_choice":
        if (q.options.length < 2) error(qw, "needs at least 2 options");
        if (q.correct.length === 0) error(qw, "no correct options");
        if (new Set(q.correct).size !== q.correct.length) error(qw, "duplicate correct indexes");
        for (const c of q.correct) {
          if (!Number.isInteger(c) || c < 0 || c >= q.options.length) error(qw, `correct index ${c} out of range`);
        }
        break;
      case "true_false":
        if (typeof q.correct !== "boolean") error(qw, "correct must be a boolean");
        break;
      case "short_answer":
        if (q.accepted_answers.length === 0 || q.accepted_answers.some((a) => !a.trim())) {
          error(qw, "needs non-empty accepted_answers");
        }
        break;
    }
  });
}

// ---------- per-course checks ----------

const expectedDurations = new Map<string, Map<string, number>>();
const referencedMedia = new Set<string>();
const referencedTranscripts = new Set<string>();

function checkLesson(where: string, lesson: DemoLesson): number | null {
  if (lesson.kind === "text") {
    const words = wordCount(lesson.content_md);
    if (words < 400 || words > 900) error(where, `text lesson has ${words} words (expected 400–900)`);
    const expected = readingSeconds(lesson.content_md);
    if (lesson.duration_seconds !== expected) {
      error(where, `duration_seconds ${lesson.duration_seconds}, expected ${expected} (${words} words at 200 wpm)`);
    }
    return expected;
  }

  referencedMedia.add(lesson.video_file);
  referencedTranscripts.add(lesson.transcript_file);
  const videoPath = path.join(mediaDir, lesson.video_file);
  const vttPath = path.join(transcriptDir, lesson.transcript_file);
  if (!lesson.video_file.endsWith(".webm")) error(where, `video_file should be a .webm: ${lesson.video_file}`);
  if (!existsSync(videoPath)) error(where, `missing video ${path.relative(dbRoot, videoPath)}`);
  if (!existsSync(vttPath)) {
    error(where, `missing transcript ${path.relative(dbRoot, vttPath)}`);
    return null;
  }
  const { cues, problems } = parseVtt(readFileSync(vttPath, "utf8"));
  for (const p of problems) error(`${where} (${lesson.transcript_file})`, p);
  const last = cues.at(-1);
  if (!last) return null;
  const expected = Math.ceil(last.end);
  if (lesson.duration_seconds !== expected) {
    error(
      where,
      `duration_seconds ${lesson.duration_seconds}, expected Math.ceil(${last.end.toFixed(3)}) = ${expected}`,
    );
  }
  if (last.end < 180 || last.end > 300) warn(where, `video is ${last.end.toFixed(1)} s (target 3–5 minutes)`);
  const words = cues.reduce((n, c) => n + wordCount(c.text), 0);
  if (words < 420 || words > 720) warn(where, `transcript has ${words} words (target 420–700)`);
  cues.forEach((c, i) => {
    const d = c.end - c.start;
    if (d < 1.5 || d > 10) warn(where, `cue ${i + 1} lasts ${d.toFixed(1)} s`);
  });
  if (hasFfprobe && existsSync(videoPath)) {
    const info = probe(videoPath);
    if (!info) error(where, `ffprobe could not read ${lesson.video_file}`);
    else {
      if (Math.abs(info.duration - last.end) > 1) {
        error(where, `video lasts ${info.duration.toFixed(2)} s but the transcript ends at ${last.end.toFixed(2)} s`);
      }
      if (!info.streams.includes("video:vp9")) error(where, `${lesson.video_file} has no VP9 video stream`);
      if (!info.streams.includes("audio:opus")) error(where, `${lesson.video_file} has no Opus audio stream`);
    }
  }
  return expected;
}

function checkCourse(course: DemoCourse): void {
  const where = course.slug;
  const durations = new Map<string, number>();
  expectedDurations.set(course.slug, durations);

  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(course.slug)) error(where, "slug must be kebab-case");
  if (!existsSync(path.join(coursesDir, `${course.slug}.ts`))) warn(where, `no courses/${course.slug}.ts file`);
  if (!CATEGORIES.includes(course.category)) error(where, `unknown category ${JSON.stringify(course.category)}`);
  if (!["ada", "marcus"].includes(course.creator)) error(where, `unknown creator ${course.creator}`);
  if (course.pricing.is_free ? course.pricing.price !== 0 : !(course.pricing.price > 0)) {
    error(where, `inconsistent pricing ${JSON.stringify(course.pricing)}`);
  }
  const paragraphs = course.description.split(/\n\s*\n/).filter((p) => p.trim()).length;
  if (paragraphs < 2 || paragraphs > 3) error(where, `description has ${paragraphs} paragraphs (expected 2–3)`);
  if (course.outcomes.length < 4 || course.outcomes.length > 6)
    error(where, `${course.outcomes.length} outcomes (expected 4–6)`);
  if (course.tags.length < 3 || course.tags.length > 6) error(where, `${course.tags.length} tags (expected 3–6)`);
  for (const tag of course.tags)
    if (tag !== tag.toLowerCase()) error(where, `tag ${JSON.stringify(tag)} is not lowercase`);

  if (course.thumbnail_file) {
    const thumb = path.join(mediaDir, course.thumbnail_file);
    if (!existsSync(thumb)) error(where, `missing thumbnail ${course.thumbnail_file}`);
    else {
      const svg = readFileSync(thumb, "utf8");
      if (!course.thumbnail_file.endsWith(".svg") || !svg.includes("<svg")) error(where, "thumbnail is not an SVG");
      if (!svg.includes('viewBox="0 0 640 360"')) error(where, "thumbnail viewBox should be 0 0 640 360");
      if (statSync(thumb).size >= THUMBNAIL_MAX_BYTES)
        error(where, `thumbnail is ${statSync(thumb).size} bytes (max 6 KB)`);
    }
    referencedMedia.add(course.thumbnail_file);
  } else warn(where, "no thumbnail_file");

  if (course.modules.length < 2 || course.modules.length > 3)
    error(where, `${course.modules.length} modules (expected 2–3)`);
  const lessons = course.modules.flatMap((m) => m.lessons);
  if (lessons.length < 4 || lessons.length > 7) error(where, `${lessons.length} lessons (expected 4–7)`);
  const videos = lessons.filter((l) => l.kind === "video").length;
  if (videos < 2) error(where, `${videos} video lessons (expected ≥ 2)`);
  if (lessons.length - videos < 1) error(where, "needs at least one text lesson");
  if (lessons[0]?.is_preview !== true) error(where, "first lesson must have is_preview: true");
  if (!lessons.some((l) => l.quiz)) error(where, "no lesson has a quiz");
  const titles = new Set<string>();
  for (const module of course.modules) {
    if (module.lessons.length === 0) error(where, `module ${JSON.stringify(module.title)} has no lessons`);
    for (const lesson of module.lessons) {
      const lw = `${where} › ${lesson.title}`;
      if (titles.has(lesson.title)) error(lw, "duplicate lesson title in course");
      titles.add(lesson.title);
      if (!Number.isInteger(lesson.duration_seconds) || lesson.duration_seconds <= 0) {
        error(lw, `duration_seconds must be a positive integer (got ${lesson.duration_seconds})`);
      }
      const expected = checkLesson(lw, lesson);
      if (expected !== null) durations.set(lesson.title, expected);
      if (lesson.quiz) checkQuiz(lw, lesson.quiz);
    }
  }
}

// ---------- catalog-level checks ----------

const slugs = new Set<string>();
for (const course of demoCourses) {
  if (slugs.has(course.slug)) error(course.slug, "duplicate slug");
  slugs.add(course.slug);
  checkCourse(course);
}

if (demoCourses.length < 8) error("catalog", `${demoCourses.length} courses (expected ≥ 8)`);
const categories = new Set(demoCourses.map((c) => c.category));
if (categories.size < 4) error("catalog", `${categories.size} categories (expected ≥ 4)`);
for (const level of ["beginner", "intermediate", "advanced"] as const) {
  if (!demoCourses.some((c) => c.level === level)) error("catalog", `no ${level} course`);
}
if (!demoCourses.some((c) => c.pricing.is_free)) error("catalog", "no free course");
if (demoCourses.filter((c) => !c.pricing.is_free).length < 3) error("catalog", "fewer than 3 paid courses");
const photosynthesis = demoCourses.find(
  (c) => c.category === "Science" && c.level === "beginner" && /photosynthesis/i.test(`${c.title} ${c.tags.join(" ")}`),
);
if (!photosynthesis) error("catalog", "no beginner Science course on photosynthesis");
else if (!photosynthesis.modules.some((m) => m.lessons.some((l) => l.title === "The Calvin cycle"))) {
  error("catalog", `${photosynthesis.slug} has no lesson titled "The Calvin cycle"`);
}

let mediaBytes = 0;
if (existsSync(mediaDir)) {
  for (const name of readdirSync(mediaDir)) {
    mediaBytes += statSync(path.join(mediaDir, name)).size;
    if (!referencedMedia.has(name)) warn("assets/media", `unreferenced file ${name}`);
  }
}
if (mediaBytes > MEDIA_BUDGET_BYTES) {
  error("assets/media", `${(mediaBytes / 1048576).toFixed(2)} MB exceeds the 20 MB budget`);
}
if (existsSync(transcriptDir)) {
  for (const name of readdirSync(transcriptDir)) {
    if (!referencedTranscripts.has(name)) warn("assets/transcripts", `unreferenced file ${name}`);
  }
}
if (!hasFfprobe) warn("media", "ffprobe not installed: video durations and codecs were not checked");

// ---------- --fix: rewrite duration_seconds literals ----------

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

if (fix) {
  for (const [slug, durations] of expectedDurations) {
    const file = path.join(coursesDir, `${slug}.ts`);
    if (!existsSync(file)) continue;
    let source = readFileSync(file, "utf8");
    const original = source;
    for (const [title, seconds] of durations) {
      const pattern = new RegExp(
        `(title: ${escapeRegExp(JSON.stringify(title))},\\s*(?:is_preview: (?:true|false),\\s*)?duration_seconds: )\\d+`,
      );
      if (pattern.test(source)) source = source.replace(pattern, `$1${seconds}`);
      else warn(slug, `--fix could not find duration_seconds for ${JSON.stringify(title)}`);
    }
    if (source !== original) {
      writeFileSync(file, source);
      console.log(`fixed durations in ${path.relative(process.cwd(), file)}`);
    }
  }
}

// ---------- report ----------

const lessonCount = demoCourses.reduce((n, c) => n + c.modules.reduce((m, mod) => m + mod.lessons.length, 0), 0);
console.log(
  `${demoCourses.length} courses, ${lessonCount} lessons, ${categories.size} categories, media ${(mediaBytes / 1048576).toFixed(2)} MB`,
);
for (const w of warnings) console.warn(`warning  ${w}`);
for (const e of errors) console.error(`error    ${e}`);
if (errors.length > 0) {
  console.error(
    `\n${errors.length} problem(s) found${fix ? " (durations were rewritten; run again to confirm)" : ""}.`,
  );
  process.exit(1);
}
console.log("demo content OK");
