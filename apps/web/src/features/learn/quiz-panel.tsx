"use client";

import type {
  LearnerQuiz,
  PublicQuizQuestion,
  QuizAnswerValue,
  QuizAttemptBody,
  QuizAttemptResult,
} from "@lumen/contracts";
import { useId, useState } from "react";
import { useStaggeredEntrance } from "@/components/motion/use-staggered-entrance";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorText } from "@/lib/error-text";

type Answers = Record<string, QuizAnswerValue | undefined>;

function answered(value: QuizAnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "string") return value.trim() !== "";
  return true;
}

function answerLabel(question: PublicQuizQuestion, value: QuizAnswerValue | null): string {
  if (value === null) return "no answer";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return value;
  const options = "options" in question ? question.options : [];
  const indexes = Array.isArray(value) ? value : [value];
  return indexes.map((i) => options[i] ?? `option ${i + 1}`).join(", ");
}

type Outcome = QuizAttemptResult["results"][number];

/** Whether an answer (one option, a true/false, or a set of options) holds this option. */
function holds(answer: QuizAnswerValue | null, option: number | boolean): boolean {
  return Array.isArray(answer) ? answer.includes(option as number) : answer === option;
}

const CHOICE =
  "flex cursor-pointer items-start gap-3 rounded-xl border px-3.5 py-2.5 text-sm hover:border-primary has-[:checked]:border-primary has-[:checked]:bg-primary-soft";

/**
 * One option of a choice question; once scored, the right option and a wrong pick are marked in words and with an
 * icon as well as colour (never colour alone).
 */
function ChoiceOption({
  type,
  name,
  label,
  checked,
  disabled,
  onChange,
  mark,
}: {
  type: "radio" | "checkbox";
  name: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
  mark: "right" | "picked-right" | "picked-wrong" | null;
}) {
  const tone =
    mark === "picked-wrong"
      ? "border-danger bg-danger-soft has-[:checked]:border-danger has-[:checked]:bg-danger-soft"
      : mark
        ? "border-primary bg-primary-soft"
        : "border-border";
  return (
    <label className={`${CHOICE} ${tone}`} data-mark={mark ?? undefined}>
      <input
        type={type}
        name={name}
        disabled={disabled}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 accent-[var(--lumen-primary)]"
      />
      <span className="min-w-0 flex-1">{label}</span>
      {mark && (
        <span className={`shrink-0 text-xs font-semibold ${mark === "picked-wrong" ? "text-danger" : "text-primary"}`}>
          <span aria-hidden="true">{mark === "picked-wrong" ? "✗ " : "✓ "}</span>
          {mark === "picked-wrong" ? "Your answer" : mark === "picked-right" ? "Your answer, right" : "Right answer"}
        </span>
      )}
    </label>
  );
}

function markOf(
  outcome: Outcome | undefined,
  option: number | boolean,
): "right" | "picked-right" | "picked-wrong" | null {
  if (!outcome) return null;
  const picked = holds(outcome.your_answer, option);
  const right = holds(outcome.correct_answer, option);
  if (picked) return right ? "picked-right" : "picked-wrong";
  return right ? "right" : null;
}

function QuestionInput({
  question,
  value,
  onChange,
  disabled,
  outcome,
}: {
  question: PublicQuizQuestion;
  value: QuizAnswerValue | undefined;
  onChange: (value: QuizAnswerValue) => void;
  disabled: boolean;
  /** The scored result, once there is one: marks the right option and a wrong pick. */
  outcome?: Outcome | undefined;
}) {
  const name = `q-${question.id}`;
  if (question.type === "single_choice" || question.type === "true_false") {
    const options = question.type === "true_false" ? ["True", "False"] : question.options;
    return (
      <div className="space-y-2">
        {options.map((option, index) => {
          const optionValue = question.type === "true_false" ? index === 0 : index;
          return (
            <ChoiceOption
              key={option}
              type="radio"
              name={name}
              label={option}
              disabled={disabled}
              checked={value === optionValue}
              onChange={() => onChange(optionValue)}
              mark={markOf(outcome, optionValue)}
            />
          );
        })}
      </div>
    );
  }
  if (question.type === "multiple_choice") {
    const selected = Array.isArray(value) ? value : [];
    return (
      <div className="space-y-2">
        {question.options.map((option, index) => (
          <ChoiceOption
            key={option}
            type="checkbox"
            name={name}
            label={option}
            disabled={disabled}
            checked={selected.includes(index)}
            onChange={(checked) =>
              onChange(checked ? [...selected, index].sort((a, b) => a - b) : selected.filter((i) => i !== index))
            }
            mark={markOf(outcome, index)}
          />
        ))}
      </div>
    );
  }
  return (
    <input
      type="text"
      aria-label="Your answer"
      disabled={disabled}
      value={typeof value === "string" ? value : ""}
      onChange={(event) => onChange(event.target.value)}
      maxLength={500}
      className="block w-full rounded-xl border border-border-strong/60 bg-background px-3.5 py-2.5 text-sm"
    />
  );
}

/**
 * The lesson quiz: answers are scored by the server (the key never reaches the browser before an attempt),
 * then each question shows whether it was right, the right answer and why.
 */
export function QuizPanel({
  quiz,
  canAttempt,
  submit,
}: {
  quiz: LearnerQuiz;
  canAttempt: boolean;
  submit: (body: QuizAttemptBody) => Promise<QuizAttemptResult>;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<QuizAttemptResult | null>(null);
  const [progress, setProgress] = useState(quiz.quiz_progress);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Asked before an attempt with questions left blank: it is saved, and the blanks count as wrong. */
  const [confirmBlank, setConfirmBlank] = useState(false);
  const headingId = useId();
  // The score, then each question's verdict in reading order: the learner sees where the news is.
  const scope = useStaggeredEntrance<HTMLElement>("[data-quiz-feedback]", result, { step: 0.08 });
  const unanswered = quiz.questions.filter((q) => !answered(answers[q.id])).length;

  async function onSubmit() {
    setConfirmBlank(false);
    setBusy(true);
    setError(null);
    try {
      const body: QuizAttemptBody = {
        answers: quiz.questions.flatMap((q) => {
          const value = answers[q.id];
          return answered(value) ? [{ question_id: q.id, answer: value as QuizAnswerValue }] : [];
        }),
      };
      const attempt = await submit(body);
      setResult(attempt);
      setProgress(attempt.quiz_progress);
    } catch (failure) {
      setError(errorText(failure, "Your answers couldn't be scored. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  const resultsById = new Map(result?.results.map((r) => [r.question_id, r]));

  return (
    <section ref={scope} aria-labelledby={headingId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="font-display text-xl font-semibold">
          Check your understanding
        </h2>
        <p className="text-sm text-muted">
          {quiz.question_count} question{quiz.question_count === 1 ? "" : "s"} · pass mark {quiz.pass_mark}%
          {progress &&
            progress.attempts > 0 &&
            ` · best ${Math.round(progress.best_score ?? 0)}%${progress.passed ? " (passed)" : ""}`}
        </p>
      </div>

      {result && (
        <div
          role="status"
          data-quiz-feedback
          className={`mt-4 rounded-2xl px-4 py-3 text-sm ${result.passed ? "bg-primary-soft text-foreground" : "bg-accent-soft text-foreground"}`}
        >
          <p className="font-semibold">
            {result.passed ? "Passed" : "Not passed yet"}: {Math.round(result.score)}% ({result.correct_count} of{" "}
            {result.total} right)
          </p>
          <p className="mt-1 text-muted">
            {result.passed
              ? "Well done. The explanations below say why each answer is right."
              : `You need ${result.pass_mark}% to pass. Read the explanations, then try again.`}
          </p>
        </div>
      )}

      {!canAttempt && (
        <p className="mt-4 rounded-2xl bg-surface-muted px-4 py-3 text-sm text-muted">
          Enroll in this course to take the quiz and keep your score.
        </p>
      )}

      <ol className="mt-5 space-y-6">
        {quiz.questions.map((question, index) => {
          const outcome = resultsById.get(question.id);
          return (
            <li key={question.id}>
              <fieldset disabled={!canAttempt || busy || Boolean(result)}>
                <legend className="mb-3 text-[0.95rem] font-medium">
                  <span className="mr-1.5 text-muted">{index + 1}.</span>
                  {question.question}
                  {question.type === "multiple_choice" && (
                    <span className="ml-1.5 text-sm font-normal text-muted">(choose all that apply)</span>
                  )}
                </legend>
                <QuestionInput
                  question={question}
                  value={answers[question.id]}
                  disabled={!canAttempt || busy || Boolean(result)}
                  onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
                  outcome={outcome}
                />
              </fieldset>
              {outcome && (
                <div
                  data-quiz-feedback
                  className={`mt-3 rounded-xl border-l-4 px-3.5 py-2.5 text-sm ${outcome.correct ? "border-primary bg-primary-soft" : "border-danger bg-danger-soft"}`}
                >
                  <p className="font-semibold">{outcome.correct ? "Correct" : "Not quite"}</p>
                  {!outcome.correct && (
                    <p className="mt-1">
                      Your answer: {answerLabel(question, outcome.your_answer)}.
                      {outcome.correct_answer === null
                        ? " Answer it to see the right answer."
                        : ` Right answer: ${answerLabel(question, outcome.correct_answer)}.`}
                    </p>
                  )}
                  {outcome.explanation !== null && <p className="mt-1 text-muted">{outcome.explanation}</p>}
                </div>
              )}
            </li>
          );
        })}
      </ol>

      {error && (
        <p role="alert" className="mt-4 rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      )}

      {canAttempt && (
        <div className="mt-6 flex flex-wrap items-center gap-3">
          {result ? (
            <button
              type="button"
              onClick={() => {
                setResult(null);
                setAnswers({});
              }}
              className="inline-flex h-10 items-center rounded-full border border-border-strong/50 px-5 text-sm font-medium hover:bg-surface-muted"
            >
              Try again
            </button>
          ) : (
            <button
              type="button"
              onClick={() => (unanswered > 0 ? setConfirmBlank(true) : void onSubmit())}
              disabled={busy}
              className="inline-flex h-10 items-center rounded-full bg-primary px-5 text-sm font-medium text-primary-foreground hover:bg-primary-hover disabled:opacity-60"
            >
              {busy ? "Scoring…" : "Submit answers"}
            </button>
          )}
          {!result && unanswered > 0 && (
            <span className="text-sm text-muted">{unanswered} unanswered (counted as wrong)</span>
          )}
          {confirmBlank && (
            <ConfirmDialog
              title={
                unanswered === quiz.questions.length
                  ? "Submit without answering?"
                  : `Submit with ${unanswered} unanswered?`
              }
              confirmLabel="Submit anyway"
              cancelLabel="Keep answering"
              onConfirm={() => void onSubmit()}
              onCancel={() => setConfirmBlank(false)}
            >
              The attempt is saved and {unanswered === 1 ? "a blank question counts" : "blank questions count"} as
              wrong.
            </ConfirmDialog>
          )}
        </div>
      )}
    </section>
  );
}
