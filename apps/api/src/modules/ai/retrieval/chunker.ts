import { parseWebVtt, type VttCue } from "@lumen/contracts";
import { markdownSections } from "./markdown.js";

/** Where a chunk comes from; quizzes are deliberately not a source (their answer keys must never be retrievable). */
export type ChunkSource = "transcript" | "lesson" | "course";

/** A cue of a transcript chunk, with its own times so an answer can cite the exact second. */
export interface ChunkCue {
  start: number;
  end: number;
  text: string;
}

/** A chunk ready to be embedded and stored (content_chunks without ids and embeddings). */
export interface ChunkInput {
  source: ChunkSource;
  /** Order within the lesson (or the course description). */
  position: number;
  /** Heading path ("Inside the leaf and the chloroplast › The layers of a leaf"); the lesson title for transcripts. */
  heading: string;
  text: string;
  /** Transcript chunks: every cue with its start/end; markdown chunks: []. */
  cues: ChunkCue[];
  startSeconds: number | null;
  endSeconds: number | null;
}

/** What the chunker needs of a lesson (a subset of the lessons row). Quizzes are not part of it. */
export interface LessonContent {
  title: string;
  contentMd: string;
  transcriptVtt: string | null;
}

export interface CourseContent {
  title: string;
  subtitle: string;
  description: string;
}

export const HEADING_SEPARATOR = " › ";

/** Transcript chunks: 2–4 cues, ideally 40–110 words, so a chunk is small enough to cite to the second. */
const MAX_CUES = 4;
const MIN_CUES = 2;
const TARGET_WORDS = 60;
const MAX_TRANSCRIPT_WORDS = 110;
/** Markdown chunks stay under ~160 words: one idea per chunk ranks better than a whole page. */
const MAX_MARKDOWN_WORDS = 160;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const endsSentence = (text: string) => /[.!?…]["')\]”’]*$/.test(text.trim());

/** Milliseconds, as WebVTT writes them: 30.702, not 30.701999999999998. */
const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;

function transcriptChunk(group: VttCue[], heading: string, position: number): ChunkInput {
  const cues = group.map((c) => ({ start: ms(c.start), end: ms(c.end), text: c.text }));
  return {
    source: "transcript",
    position,
    heading,
    text: cues.map((c) => c.text).join(" "),
    cues,
    startSeconds: cues[0]?.start ?? null,
    endSeconds: cues[cues.length - 1]?.end ?? null,
  };
}

/**
 * Groups consecutive cues. A group closes at 4 cues, when it has enough words and ends a sentence, or when
 * the next cue would push it past the word limit; a trailing single cue joins its neighbour so no chunk
 * is a lone fragment.
 */
export function groupCues(cues: VttCue[]): VttCue[][] {
  const spoken = cues.filter((c) => c.text.trim() !== "");
  const groups: VttCue[][] = [];
  let group: VttCue[] = [];
  let words = 0;
  for (const [i, cue] of spoken.entries()) {
    group.push(cue);
    words += wordCount(cue.text);
    const next = spoken[i + 1];
    const nextWords = next ? wordCount(next.text) : 0;
    const full = group.length >= MAX_CUES;
    const enough = group.length >= MIN_CUES && words >= TARGET_WORDS && endsSentence(cue.text);
    const wouldOverflow = group.length >= MIN_CUES && words + nextWords > MAX_TRANSCRIPT_WORDS;
    // Better to close one cue early at a sentence end than to fill the group and cut the next sentence in two.
    const cutsNextSentence =
      group.length === MAX_CUES - 1 &&
      group.length >= MIN_CUES &&
      endsSentence(cue.text) &&
      next &&
      !endsSentence(next.text);
    if (full || enough || wouldOverflow || cutsNextSentence) {
      groups.push(group);
      group = [];
      words = 0;
    }
  }
  if (group.length) {
    const previous = groups[groups.length - 1];
    if (group.length >= MIN_CUES || !previous) groups.push(group);
    else if (previous.length < MAX_CUES) previous.push(...group);
    else {
      // Borrow the previous group's last cue so both keep 2–4 cues.
      const borrowed = previous.pop() as VttCue;
      groups.push([borrowed, ...group]);
    }
  }
  return groups;
}

/** Transcript → chunks. An unreadable transcript yields none (the lesson service validates on save). */
export function chunkTranscript(vtt: string, heading: string, firstPosition = 0): ChunkInput[] {
  let cues: VttCue[];
  try {
    cues = parseWebVtt(vtt);
  } catch {
    return [];
  }
  return groupCues(cues).map((g, i) => transcriptChunk(g, heading, firstPosition + i));
}

/** Splits a block that alone is too long into runs of whole sentences (or lines, for lists and tables). */
function splitLongBlock(block: string): string[] {
  const pieces = block.includes("\n") ? block.split("\n") : block.split(/(?<=[.!?])\s+(?=["'“(]?[\p{Lu}\p{N}])/u);
  const out: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const piece of pieces) {
    const n = wordCount(piece);
    if (current.length && words + n > MAX_MARKDOWN_WORDS) {
      out.push(current.join(block.includes("\n") ? "\n" : " "));
      current = [];
      words = 0;
    }
    current.push(piece);
    words += n;
  }
  if (current.length) out.push(current.join(block.includes("\n") ? "\n" : " "));
  return out;
}

/** Markdown → chunks: one or more per heading section, each at most ~160 words of whole paragraphs. */
export function chunkMarkdown(
  md: string,
  fallbackHeading: string,
  source: ChunkSource = "lesson",
  firstPosition = 0,
): ChunkInput[] {
  const chunks: ChunkInput[] = [];
  for (const section of markdownSections(md)) {
    const heading = section.path.length ? section.path.join(HEADING_SEPARATOR) : fallbackHeading;
    let parts: string[] = [];
    let words = 0;
    const emit = () => {
      if (!parts.length) return;
      chunks.push({
        source,
        position: firstPosition + chunks.length,
        heading,
        text: parts.join("\n\n"),
        cues: [],
        startSeconds: null,
        endSeconds: null,
      });
      parts = [];
      words = 0;
    };
    for (const block of section.blocks) {
      for (const piece of wordCount(block) > MAX_MARKDOWN_WORDS ? splitLongBlock(block) : [block]) {
        const n = wordCount(piece);
        if (words + n > MAX_MARKDOWN_WORDS) emit();
        parts.push(piece);
        words += n;
      }
    }
    emit();
  }
  return chunks;
}

/**
 * A lesson's chunks: the transcript by cue groups (each keeping its seconds), then the lesson's markdown.
 * Quiz questions and answers are never passed in, so they can't end up in the index.
 */
export function chunkLesson(lesson: LessonContent): ChunkInput[] {
  const transcript = lesson.transcriptVtt ? chunkTranscript(lesson.transcriptVtt, lesson.title) : [];
  const markdown = lesson.contentMd.trim()
    ? chunkMarkdown(lesson.contentMd, lesson.title, "lesson", transcript.length)
    : [];
  return [...transcript, ...markdown];
}

/** The course description (title, subtitle, description) as chunks with no lesson. */
export function chunkCourse(course: CourseContent): ChunkInput[] {
  const intro = [course.subtitle.trim(), course.description.trim()].filter(Boolean).join("\n\n");
  const chunks = chunkMarkdown(intro || course.title, course.title, "course");
  // Sections of the description keep the course title in front, so "what is this course about" finds them.
  return chunks.map((c) =>
    c.heading === course.title ? c : { ...c, heading: `${course.title}${HEADING_SEPARATOR}${c.heading}` },
  );
}
