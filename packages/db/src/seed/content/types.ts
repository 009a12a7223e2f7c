/** Shape of the demo catalog that `npm run db:seed` loads. Content only: the seeder turns it into rows. */

export type DemoCreatorKey = "ada" | "marcus";

export type DemoQuizQuestion =
  | { type: "single_choice"; question: string; options: string[]; correct: number; explanation: string }
  | { type: "multiple_choice"; question: string; options: string[]; correct: number[]; explanation: string }
  | { type: "true_false"; question: string; correct: boolean; explanation: string }
  | { type: "short_answer"; question: string; accepted_answers: string[]; explanation: string };

export interface DemoQuiz {
  /** Share of points needed to pass, 0..100 (default 70). */
  pass_mark?: number;
  questions: DemoQuizQuestion[];
}

/**
 * A question learners put to the tutor on this lesson, in their own words: the demo's learning history asks these
 * (never the course itself). `at_seconds` is the moment of the video it is about.
 */
export interface DemoLearnerQuestion {
  question: string;
  at_seconds: number;
}

/** A stretch of a video that many learners go back over (a dense explanation); `weight` scales how many, 1 by default. */
export interface DemoRewatchHotspot {
  from_seconds: number;
  to_seconds: number;
  weight?: number;
}

export interface DemoVideoLesson {
  kind: "video";
  title: string;
  is_preview?: boolean;
  /** Media file name under packages/db/assets/media/ (e.g. "photosynthesis-light-reactions.webm"). */
  video_file: string;
  /** WebVTT file name under packages/db/assets/transcripts/; its last cue ends at the video's end. */
  transcript_file: string;
  /** Length of the video in whole seconds (equals the end of the last cue, rounded up). */
  duration_seconds: number;
  /** Optional short notes shown under the video (markdown). */
  content_md?: string;
  quiz?: DemoQuiz;
  /** Demo history only: what learners ask the tutor while watching (3–6 questions). */
  learner_questions?: DemoLearnerQuestion[];
  /** Demo history only: where learners rewatch. */
  rewatch_hotspots?: DemoRewatchHotspot[];
}

export interface DemoTextLesson {
  kind: "text";
  title: string;
  is_preview?: boolean;
  /** The lesson itself, in markdown (headings, lists, code blocks, tables where they help). */
  content_md: string;
  /** Estimated reading time in seconds. */
  duration_seconds: number;
  quiz?: DemoQuiz;
  /** Demo history only: what learners ask the tutor while reading (no video second to point at). */
  learner_questions?: Array<Pick<DemoLearnerQuestion, "question">>;
}

export type DemoLesson = DemoVideoLesson | DemoTextLesson;

export interface DemoModule {
  title: string;
  lessons: DemoLesson[];
}

export interface DemoCourse {
  slug: string;
  title: string;
  subtitle: string;
  /** Several paragraphs of markdown: what the course is, who it is for. */
  description: string;
  category: string;
  level: "beginner" | "intermediate" | "advanced";
  pricing: { is_free: boolean; price: number };
  tags: string[];
  /** "What you'll learn" bullet points. */
  outcomes: string[];
  creator: DemoCreatorKey;
  /** Thumbnail image file name under packages/db/assets/media/ (SVG), or omitted. */
  thumbnail_file?: string;
  modules: DemoModule[];
}
