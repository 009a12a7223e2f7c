import type { AskKind } from "./scoring.js";

export type LearnerLevel = "beginner" | "intermediate" | "advanced";
/** "simpler" and "deeper" are the learner's follow-ups on the previous answer. */
export type AnswerMode = "normal" | "simpler" | "deeper";

/** FNV-1a over the normalised text: the same question always gets the same wording, so replies are stable. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text.toLowerCase().replace(/\s+/g, " ").trim()) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const choose = <T>(options: readonly T[], seed: number): T => options[seed % options.length] as T;

/** Openings by what was asked; a few of each, so a conversation doesn't read like a form letter. */
const OPENINGS: Record<AskKind, readonly string[]> = {
  define: ["Here's how the course defines it:", "In the lesson's words:", "The lesson pins it down like this:"],
  why: ["The reason, as the course gives it:", "Here's the why, from the lesson:", "The lesson explains why:"],
  how: ["Here's how the lesson does it:", "The lesson walks through it:", "The course shows the way:"],
  "how-much": ["The lesson gives the number:", "Here's the figure from the course:", "The course is specific:"],
  where: ["The lesson places it:", "Here's where, from the course:", "The course says where:"],
  when: ["The lesson gives the timing:", "Here's when, from the course:", "The course dates it:"],
  who: ["The lesson names them:", "Here's who, from the course:", "The course credits it:"],
  compare: [
    "The course sets them side by side:",
    "Here's how they differ, in the lesson:",
    "The lesson contrasts them:",
  ],
  list: ["The course lists them:", "Here they are, from the lesson:", "The lesson names each one:"],
  "yes-no": ["Short answer, from the lesson:", "The lesson is clear on this:", "Here's what the course says:"],
  other: ["Here's what the course says:", "From the lesson:", "The course covers this:"],
};

/** A beginner gets a warmer way in; an advanced learner the shortest one. */
const LEVEL_PREFIX: Record<LearnerLevel, readonly string[]> = {
  beginner: ["Let's take it one step at a time.", "Happy to help.", "Good thing to ask."],
  intermediate: [""],
  advanced: [""],
};

const SIMPLER = [
  "Put simply:",
  "The short, simple version:",
  "In the fewest words the lesson has:",
  "Stripped down to the key idea:",
];
const DEEPER = [
  "Going deeper, here's the fuller picture from the course:",
  "A step further, with the surrounding context:",
  "In more depth, from the course:",
];

/** The line that opens an answer: picked by the question's hash among phrasings that fit the kind and level. */
export function opening(input: { question: string; asks: AskKind; level: LearnerLevel; mode: AnswerMode }): string {
  const seed = textHash(input.question);
  if (input.mode === "simpler") return choose(SIMPLER, seed);
  if (input.mode === "deeper") return choose(DEEPER, seed);
  if (input.level === "advanced") return "From the course:";
  const prefix = choose(LEVEL_PREFIX[input.level], seed >>> 8);
  const line = choose(OPENINGS[input.asks], seed);
  return prefix ? `${prefix} ${line}` : line;
}

/** The closing line for a beginner: one offer, varied the same way. */
export function beginnerClosing(question: string): string {
  return choose(
    [
      "If a word there is new to you, ask me to explain it more simply.",
      "Want it in plainer words? Press “Explain simpler”.",
      "Ask me about any word in there you haven't met yet.",
    ],
    textHash(question) >>> 4,
  );
}
