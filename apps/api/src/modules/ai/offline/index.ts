/** The offline tutor: answers composed from retrieved passages, hints, and NLP-built quiz items. */
export type { AnswerCitation, AnswerMode, ComposeAnswerInput, ComposedAnswer, LearnerLevel } from "./answer.js";
export { composeAnswer, GROUNDED_COVERAGE } from "./answer.js";
export { looksLikeInstruction } from "./injection.js";
export type { Passage } from "./passages.js";
export { formatSeconds } from "./passages.js";
export type { GenerateQuizInput, QuizDifficulty, QuizItem, QuizItemSource, QuizItemType } from "./quiz.js";
export { generateQuizItems } from "./quiz.js";
export type { TermKind, VocabularyTerm } from "./terms.js";
export { buildVocabulary } from "./terms.js";
