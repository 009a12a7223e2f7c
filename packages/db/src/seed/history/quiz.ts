import type { QuizQuestionRow } from "../../schema/index.js";
import type { Random } from "./random.js";

type Answer = number | number[] | boolean | string;

/**
 * A learner's submission: each question right with probability `pCorrect`, wrong in the way people get it wrong
 * (another option, one option too many or too few, the opposite, a misspelt word), scored as the quiz service scores
 * it: every question counts once, the score is the share right with two decimals, passing at the pass mark.
 */
export function answerQuiz(random: Random, questions: QuizQuestionRow[], pCorrect: number, passMark: number) {
  const answers: Array<{ question_id: string; answer: Answer }> = [];
  const results: Array<{ question_id: string; correct: boolean }> = [];
  for (const question of questions) {
    const correct = random.chance(pCorrect);
    const answer = correct ? rightAnswer(random, question) : wrongAnswer(random, question);
    // A wrong short answer that normalises to an accepted one would be scored right: count it as such.
    const scoredCorrect = correct || (question.type === "short_answer" && accepts(question, answer));
    answers.push({ question_id: question.id, answer });
    results.push({ question_id: question.id, correct: scoredCorrect });
  }
  const right = results.filter((r) => r.correct).length;
  const score = questions.length === 0 ? 0 : Math.round((right / questions.length) * 10_000) / 100;
  return { answers, results, score, passed: score >= passMark };
}

function rightAnswer(random: Random, question: QuizQuestionRow): Answer {
  switch (question.type) {
    case "single_choice":
    case "true_false":
      return question.correct;
    case "multiple_choice":
      return random.chance(0.5) ? [...question.correct] : [...question.correct].reverse();
    case "short_answer": {
      const accepted = random.pick(question.accepted_answers);
      return random.chance(0.4) ? accepted.toLowerCase() : accepted;
    }
  }
}

function wrongAnswer(random: Random, question: QuizQuestionRow): Answer {
  switch (question.type) {
    case "single_choice": {
      const others = question.options.map((_, i) => i).filter((i) => i !== question.correct);
      return random.pick(others);
    }
    case "true_false":
      return !question.correct;
    case "multiple_choice": {
      const missing = question.options.map((_, i) => i).filter((i) => !question.correct.includes(i));
      // One too many (a tempting wrong option) or one too few (a right one forgotten).
      if (missing.length > 0 && (question.correct.length < 2 || random.chance(0.5)))
        return [...question.correct, random.pick(missing)];
      const dropped = random.pick(question.correct);
      return question.correct.filter((i) => i !== dropped);
    }
    case "short_answer": {
      const word = random.pick(question.accepted_answers);
      if (word.length < 4) return "";
      const cut = random.int(1, word.length - 2);
      return word.slice(0, cut) + word.slice(cut + 1);
    }
  }
}

/** The quiz service's loose comparison: case, inner and outer whitespace and one trailing period don't count. */
const normalise = (text: string) =>
  text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(/\.$/, "").trimEnd();

function accepts(question: Extract<QuizQuestionRow, { type: "short_answer" }>, answer: Answer): boolean {
  if (typeof answer !== "string" || normalise(answer) === "") return false;
  return question.accepted_answers.some((a) => normalise(a) === normalise(answer));
}
