import type { Viewer } from "../access/access.repo.js";
import type { Mode, Passage } from "./ai.context.js";
import { analyse, isContentToken, isFiller } from "./offline/nlp.js";
import { passageSentences } from "./offline/passages.js";
import { questionTerms, scoreSentences } from "./offline/scoring.js";

/**
 * The tutor's retrieval, shared by the offline tutor, the model path and the evaluation: what the learner
 * means (a question, a lesson summary, a follow-up on the last answer), then the passages that answer it —
 * reranked by how well their sentences answer, the current lesson first when it answers, and a passage
 * joined with the next one when its answer runs on past its end.
 */
export interface TutorIndex {
  search(q: {
    query: string;
    viewer: Viewer;
    courseId?: string;
    lessonId?: string;
    home?: boolean;
    limit: number;
  }): Promise<Passage[]>;
  /** Every passage of a lesson, in order. */
  lessonPassages(lessonId: string): Promise<Passage[]>;
}

export type Intent = "question" | "summary" | "key-idea" | "follow-up";

export interface AskPlan {
  intent: Intent;
  /** The question the answer is built for: the learner's, or for a follow-up the one it follows up on. */
  question: string;
  mode: Mode;
}

/** Passages an answer is built from. */
export const PASSAGES = 6;
/** Candidates reranked: enough to hold the answer when the fused ranking puts it lower. */
const CANDIDATES = 14;
/** How many of the best passages may be joined with the passage after them. */
const JOINED = 3;

const SUMMARY =
  /\b(summar(y|ise|ize)|sum (it |this )?up|recap|key (points|ideas|takeaways)|main (points|ideas)|overview|tl;?dr|in (three|3|five|5) points)\b/i;
const KEY_IDEA = /\b(most important|main|key|central|big|core) (idea|point|thing|message|takeaway|concept)\b/i;
/** Words a follow-up is made of ("explain that more simply", "tell me more", "why?"), beyond the filler. */
const FOLLOW_UP_WORDS = new Set([
  "simple",
  "simply",
  "simpler",
  "easy",
  "easier",
  "plain",
  "more",
  "again",
  "detail",
  "deeper",
  "further",
  "elaborate",
  "clarify",
  "clear",
  "clearer",
  "example",
  "word",
  "term",
  "sorry",
  "confused",
  "lost",
  "bit",
  "ok",
  "okay",
  "thanks",
  "thank",
  "way",
  "differently",
  "different",
  "kid",
  "child",
  "year",
  "old",
  "five",
  "5",
]);

/** True when the message carries no topic of its own: it can only be about the previous answer. */
function isFollowUp(message: string): boolean {
  const tokens = analyse(message)
    .flatMap((s) => s.tokens)
    .filter(isContentToken);
  return tokens.every((t) => isFiller(t) || FOLLOW_UP_WORDS.has(t.lemma));
}

/**
 * What the learner means. "Summarise this lesson" on a lesson is a summary; "the most important idea" its key
 * idea; a message with no topic of its own ("Explain that more simply", "Why?") follows up the learner's
 * previous question, asked again in the message's mode.
 */
export function planAsk(
  message: string,
  mode: Mode,
  history: ReadonlyArray<{ role: string; content: string }>,
  lessonId: string | null,
): AskPlan {
  if (lessonId && SUMMARY.test(message)) return { intent: "summary", question: message, mode };
  if (lessonId && KEY_IDEA.test(message) && isFollowUp(message.replace(KEY_IDEA, "")))
    return { intent: "key-idea", question: message, mode };
  if (isFollowUp(message)) {
    const previous = [...history].reverse().find((m) => m.role === "user" && !isFollowUp(m.content));
    // "Explain that more simply" after a summary: the one idea the lesson turns on; "more" gets the summary again.
    if (previous && lessonId && (SUMMARY.test(previous.content) || KEY_IDEA.test(previous.content))) {
      const more = /\bmore\b|\bdetail|\belaborate|\bfurther/i.test(message) && mode !== "simpler";
      return { intent: more ? "summary" : "key-idea", question: previous.content, mode };
    }
    if (previous) {
      const simpler = mode === "simpler" || /\bsimpl|\beas(y|ier)\b|\bplain/i.test(message);
      const deeper = mode === "deeper" || /\bmore\b|\bdeeper\b|\bdetail|\belaborate|\bfurther/i.test(message);
      const why = /\bwhy\b/i.test(message) && !/\bwhy\b/i.test(previous.content) ? "Why? " : "";
      return {
        intent: "follow-up",
        question: `${why}${previous.content}`,
        mode: simpler ? "simpler" : deeper ? "deeper" : mode,
      };
    }
  }
  return { intent: "question", question: message, mode };
}

/** Two consecutive transcript passages as one: the cues keep their own seconds, so citations stay exact. */
function joined(a: Passage, b: Passage): Passage {
  return { ...a, text: `${a.text} ${b.text}`, cues: [...a.cues, ...b.cues] };
}

/**
 * Reranks candidates by their best sentence's score against the question (the current lesson's sentences
 * winning near-ties), keeping the fused order for ties, and joins a top passage with the next one of its
 * lesson when its best sentence ends it (an announcement, or an answer cut by the chunk boundary).
 */
export async function rerank(
  index: Pick<TutorIndex, "lessonPassages">,
  question: string,
  candidates: readonly Passage[],
  currentLessonId: string | null,
  limit = PASSAGES,
): Promise<Passage[]> {
  const sentences = passageSentences(candidates);
  if (sentences.length === 0) return candidates.slice(0, limit);
  const terms = questionTerms(question, sentences);
  const ranked = scoreSentences(terms, sentences, {
    passageCount: candidates.length,
    currentLessonId,
  });
  const bestOf = new Map<number, (typeof ranked)[number]>();
  for (const s of ranked) if (!bestOf.has(s.passageIndex)) bestOf.set(s.passageIndex, s);
  const order = candidates
    .map((p, i) => ({ p, i, best: bestOf.get(i) }))
    .sort((a, b) => (b.best?.score ?? -1) - (a.best?.score ?? -1) || a.i - b.i)
    .slice(0, limit);

  const lastIndex = new Map<number, number>();
  for (const s of sentences) lastIndex.set(s.passageIndex, Math.max(lastIndex.get(s.passageIndex) ?? 0, s.index));
  const lessons = new Map<string, Promise<Passage[]>>();
  const out: Passage[] = [];
  for (const [rank, { p, i, best }] of order.entries()) {
    const runsOn =
      rank < JOINED &&
      p.lessonId &&
      p.source === "transcript" &&
      best &&
      best.coverage > 0 &&
      best.index >= (lastIndex.get(i) ?? 0) - 1;
    if (!runsOn || !p.lessonId) {
      out.push(p);
      continue;
    }
    const lessonId = p.lessonId;
    if (!lessons.has(lessonId)) lessons.set(lessonId, index.lessonPassages(lessonId));
    const all = await (lessons.get(lessonId) as Promise<Passage[]>);
    const at = all.findIndex((x) => x.source === "transcript" && x.startSeconds === p.startSeconds);
    const next = at >= 0 ? all[at + 1] : undefined;
    out.push(next && next.source === "transcript" ? joined(p, next) : p);
  }
  return out;
}

/** The passages for a plan: a lesson's own for a summary, otherwise search and rerank. */
export async function findPassages(
  index: TutorIndex,
  plan: AskPlan,
  where: { viewer: Viewer; courseId: string | null; lessonId: string | null },
): Promise<Passage[]> {
  if ((plan.intent === "summary" || plan.intent === "key-idea") && where.lessonId)
    return index.lessonPassages(where.lessonId);
  const base = { query: plan.question, viewer: where.viewer, limit: CANDIDATES };
  const candidates = where.courseId
    ? await index.search({ ...base, courseId: where.courseId, ...(where.lessonId ? { lessonId: where.lessonId } : {}) })
    : await index.search({ ...base, home: true });
  return rerank(index, plan.question, candidates, where.lessonId);
}
