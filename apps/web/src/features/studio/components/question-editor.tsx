"use client";

import {
  MAX_ACCEPTED_ANSWERS,
  MAX_OPTIONS,
  QUESTION_TYPES,
  type QuestionType,
  type QuizQuestionInput,
} from "@lumen/contracts";
import type { ReactNode } from "react";
import { get, type UseFormReturn, useWatch } from "react-hook-form";
import { buttonClasses } from "@/components/button-link";
import { FormField, inputClasses } from "@/components/ui/form-field";
import {
  convertQuestion,
  QUESTION_TYPE_LABELS,
  type QuizFormInput,
  type QuizFormOutput,
  withOptionMoved,
  withoutOption,
} from "../quiz-model";
import { ArrowDownIcon, ArrowUpIcon, CrossIcon, PlusIcon, TrashIcon } from "./icons";
import { iconButtonClasses, selectClasses, textareaClasses } from "./studio-ui";

export type QuizForm = UseFormReturn<QuizFormInput, unknown, QuizFormOutput>;

function message(errors: unknown, path: string): string | undefined {
  const error = get(errors, path) as { message?: unknown } | undefined;
  return typeof error?.message === "string" ? error.message : undefined;
}

/** After a failed check: the first control marked invalid (they are in reading order), once it has rendered. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function SmallError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-danger">
      {children}
    </p>
  );
}

/**
 * One question of a quiz form, whatever its type: the text, the options (added, removed, reordered, the correct
 * ones marked) or the accepted answers, and the explanation learners read after answering. Every change replaces
 * the question in the form, so the form's own validation and dirty state see it.
 */
export function QuestionEditor({
  form,
  index,
  count,
  idPrefix,
  label,
  onMove,
  onRemove,
  removeLabel = "Remove question",
  aside,
}: {
  form: QuizForm;
  index: number;
  count: number;
  idPrefix: string;
  label: string;
  onMove?: (direction: -1 | 1) => void;
  onRemove: () => void;
  removeLabel?: string;
  /** Shown under the heading (where a generated question came from). */
  aside?: ReactNode;
}) {
  const path = `questions.${index}` as const;
  const q = useWatch({ control: form.control, name: path }) as QuizQuestionInput | undefined;
  const errors = form.formState.errors;
  if (!q) return null;
  const id = (part: string) => `${idPrefix}-q${index}-${part}`;
  const err = (part: string) => message(errors, `${path}.${part}`);
  const set = (next: QuizQuestionInput) =>
    form.setValue(path, next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });

  const options = q.type === "single_choice" || q.type === "multiple_choice" ? q.options : null;
  const listError = q.type === "short_answer" ? err("accepted_answers") : err("options");
  const correctError = err(q.type === "multiple_choice" ? "correct_indexes" : "correct_index");

  return (
    <fieldset aria-labelledby={id("heading")} className="rounded-2xl border border-border bg-surface p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id("heading")} className="font-semibold">
          {label}
        </h3>
        <div className="flex items-center">
          {onMove && (
            <>
              <button
                type="button"
                onClick={() => onMove(-1)}
                disabled={index === 0}
                title="Move up"
                className={iconButtonClasses}
              >
                <ArrowUpIcon />
                <span className="sr-only">Move {label.toLowerCase()} up</span>
              </button>
              <button
                type="button"
                onClick={() => onMove(1)}
                disabled={index === count - 1}
                title="Move down"
                className={iconButtonClasses}
              >
                <ArrowDownIcon />
                <span className="sr-only">Move {label.toLowerCase()} down</span>
              </button>
            </>
          )}
          <button
            type="button"
            onClick={onRemove}
            title={removeLabel}
            className={`${iconButtonClasses} hover:text-danger`}
          >
            <TrashIcon />
            <span className="sr-only">
              {removeLabel}: {label.toLowerCase()}
            </span>
          </button>
        </div>
      </div>
      {aside}

      <div className="mt-3 grid gap-4 sm:grid-cols-[1fr_14rem]">
        <FormField id={id("text")} label="Question" error={err("question")}>
          {(c) => (
            <textarea
              {...c}
              rows={2}
              value={q.question}
              onChange={(e) => set({ ...q, question: e.target.value })}
              className={textareaClasses}
            />
          )}
        </FormField>
        <FormField id={id("type")} label="Answer type">
          {(c) => (
            <select
              {...c}
              value={q.type}
              onChange={(e) => set(convertQuestion(q, e.target.value as QuestionType))}
              className={selectClasses}
            >
              {QUESTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {QUESTION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>

      {options && (q.type === "single_choice" || q.type === "multiple_choice") && (
        <fieldset className="mt-4">
          <legend className="text-sm font-medium">
            Options{" "}
            <span className="font-normal text-muted">
              (mark the correct {q.type === "single_choice" ? "one" : "ones"})
            </span>
          </legend>
          <ol className="mt-2 space-y-2">
            {options.map((option, j) => {
              const optionId = id(`option-${j}`);
              const optionError = err(`options.${j}`);
              const checked = q.type === "single_choice" ? q.correct_index === j : q.correct_indexes.includes(j);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: options are plain strings; their place is their identity
                <li key={j}>
                  <div className="flex items-center gap-2">
                    <input
                      type={q.type === "single_choice" ? "radio" : "checkbox"}
                      name={id("correct")}
                      checked={checked}
                      aria-label={`Option ${j + 1} is correct`}
                      onChange={() =>
                        set(
                          q.type === "single_choice"
                            ? { ...q, correct_index: j }
                            : {
                                ...q,
                                correct_indexes: checked
                                  ? q.correct_indexes.filter((i) => i !== j)
                                  : [...q.correct_indexes, j].sort((a, b) => a - b),
                              },
                        )
                      }
                      className="size-4 shrink-0 accent-primary"
                    />
                    <label htmlFor={optionId} className="sr-only">
                      Option {j + 1}
                    </label>
                    <input
                      id={optionId}
                      value={option}
                      placeholder={`Option ${j + 1}`}
                      aria-invalid={optionError ? true : undefined}
                      aria-describedby={optionError ? `${optionId}-error` : undefined}
                      onChange={(e) => set({ ...q, options: options.map((o, k) => (k === j ? e.target.value : o)) })}
                      className={`${inputClasses} h-10 min-w-0 flex-1`}
                    />
                    <div className="flex shrink-0">
                      <button
                        type="button"
                        onClick={() => set(withOptionMoved(q, j, -1))}
                        disabled={j === 0}
                        title="Move up"
                        className={`${iconButtonClasses} hidden sm:inline-flex`}
                      >
                        <ArrowUpIcon />
                        <span className="sr-only">Move option {j + 1} up</span>
                      </button>
                      <button
                        type="button"
                        onClick={() => set(withOptionMoved(q, j, 1))}
                        disabled={j === options.length - 1}
                        title="Move down"
                        className={`${iconButtonClasses} hidden sm:inline-flex`}
                      >
                        <ArrowDownIcon />
                        <span className="sr-only">Move option {j + 1} down</span>
                      </button>
                      <button
                        type="button"
                        onClick={() => set(withoutOption(q, j))}
                        disabled={options.length <= 2}
                        title="Remove"
                        className={iconButtonClasses}
                      >
                        <CrossIcon />
                        <span className="sr-only">Remove option {j + 1}</span>
                      </button>
                    </div>
                  </div>
                  {optionError && <SmallError id={`${optionId}-error`}>{optionError}</SmallError>}
                </li>
              );
            })}
          </ol>
          {listError && <SmallError id={id("options-error")}>{listError}</SmallError>}
          {correctError && <SmallError id={id("correct-error")}>{correctError}</SmallError>}
          {options.length < MAX_OPTIONS && (
            <button
              type="button"
              onClick={() => {
                set({ ...q, options: [...options, ""] });
                focusSoon(id(`option-${options.length}`));
              }}
              className={`${buttonClasses("ghost", "sm")} mt-2 -ml-3`}
            >
              <PlusIcon />
              Add an option
            </button>
          )}
        </fieldset>
      )}

      {q.type === "true_false" && (
        <fieldset className="mt-4">
          <legend className="text-sm font-medium">The statement is</legend>
          <div className="mt-2 flex gap-6">
            {[true, false].map((value) => (
              <label key={String(value)} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={id("correct")}
                  checked={q.correct === value}
                  onChange={() => set({ ...q, correct: value })}
                  className="size-4 accent-primary"
                />
                {value ? "True" : "False"}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {q.type === "short_answer" && (
        <fieldset className="mt-4">
          <legend className="text-sm font-medium">
            Accepted answers <span className="font-normal text-muted">(case and spacing are ignored)</span>
          </legend>
          <ol className="mt-2 space-y-2">
            {q.accepted_answers.map((answer, j) => {
              const answerId = id(`answer-${j}`);
              const answerError = err(`accepted_answers.${j}`);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: answers are plain strings; their place is their identity
                <li key={j}>
                  <div className="flex items-center gap-2">
                    <label htmlFor={answerId} className="sr-only">
                      Accepted answer {j + 1}
                    </label>
                    <input
                      id={answerId}
                      value={answer}
                      placeholder={`Accepted answer ${j + 1}`}
                      aria-invalid={answerError ? true : undefined}
                      aria-describedby={answerError ? `${answerId}-error` : undefined}
                      onChange={(e) =>
                        set({
                          ...q,
                          accepted_answers: q.accepted_answers.map((a, k) => (k === j ? e.target.value : a)),
                        })
                      }
                      className={`${inputClasses} h-10 min-w-0 flex-1`}
                    />
                    <button
                      type="button"
                      onClick={() => set({ ...q, accepted_answers: q.accepted_answers.filter((_, k) => k !== j) })}
                      disabled={q.accepted_answers.length <= 1}
                      title="Remove"
                      className={iconButtonClasses}
                    >
                      <CrossIcon />
                      <span className="sr-only">Remove accepted answer {j + 1}</span>
                    </button>
                  </div>
                  {answerError && <SmallError id={`${answerId}-error`}>{answerError}</SmallError>}
                </li>
              );
            })}
          </ol>
          {listError && <SmallError id={id("answers-error")}>{listError}</SmallError>}
          {q.accepted_answers.length < MAX_ACCEPTED_ANSWERS && (
            <button
              type="button"
              onClick={() => {
                set({ ...q, accepted_answers: [...q.accepted_answers, ""] });
                focusSoon(id(`answer-${q.accepted_answers.length}`));
              }}
              className={`${buttonClasses("ghost", "sm")} mt-2 -ml-3`}
            >
              <PlusIcon />
              Add an accepted answer
            </button>
          )}
        </fieldset>
      )}

      <div className="mt-4">
        <FormField
          id={id("explanation")}
          label="Explanation"
          hint="Learners read it after they answer."
          error={err("explanation")}
        >
          {(c) => (
            <textarea
              {...c}
              rows={2}
              value={q.explanation}
              onChange={(e) => set({ ...q, explanation: e.target.value })}
              className={textareaClasses}
            />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}
