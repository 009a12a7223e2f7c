import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_TRANSCRIPTS_DIR } from "@lumen/db";
import { demoCourses } from "@lumen/db/seed";
import type { Passage } from "../../src/modules/ai/offline/passages.js";
import { chunkLesson } from "../../src/modules/ai/retrieval/chunker.js";
import { EVAL_COURSES, toVtt } from "./eval-courses.js";

export interface CorpusLesson {
  id: string;
  title: string;
  passages: Passage[];
}
export interface CorpusCourse {
  title: string;
  /** True for the evaluation-only courses (never seeded, never tuned on). */
  evalOnly: boolean;
  lessons: CorpusLesson[];
  /** Every lesson's passages in order: what `coursePassages` returns for the quiz generator. */
  passages: Passage[];
}

function course(
  title: string,
  evalOnly: boolean,
  lessons: Array<{ title: string; contentMd: string; transcriptVtt: string | null }>,
): CorpusCourse {
  const out: CorpusLesson[] = lessons.map((l, i) => {
    const id = `${title}#${i}`;
    // The same chunker the index uses, so the generator sees what it sees in production.
    const passages = chunkLesson(l).map((c) => ({ ...c, lessonId: id, lessonTitle: l.title, courseTitle: title }));
    return { id, title: l.title, passages };
  });
  return { title, evalOnly, lessons: out, passages: out.flatMap((l) => l.passages) };
}

/** Every demo course and every evaluation-only course, chunked as the tutor's index stores them. */
export function quizCorpus(): CorpusCourse[] {
  const demo = demoCourses.map((c) =>
    course(
      c.title,
      false,
      c.modules
        .flatMap((m) => m.lessons)
        .map((l) => ({
          title: l.title,
          contentMd: l.content_md ?? "",
          transcriptVtt:
            l.kind === "video" ? readFileSync(path.join(DEMO_TRANSCRIPTS_DIR, l.transcript_file), "utf8") : null,
        })),
    ),
  );
  const evalOnly = EVAL_COURSES.map((c) =>
    course(
      c.title,
      true,
      c.lessons.map((l) => ({
        title: l.title,
        contentMd: l.kind === "text" ? (l.markdown ?? "") : "",
        transcriptVtt: l.kind === "video" ? toVtt(l.cues ?? []) : null,
      })),
    ),
  );
  return [...demo, ...evalOnly];
}
