"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  MAX_QUESTIONS,
  type OwnerQuiz,
  QUESTION_TYPES,
  type QuestionType,
  type QuizQuestionInput,
} from "@lumen/contracts";
import { useId, useRef, useState } from "react";
import { type FieldPath, useFieldArray, useForm } from "react-hook-form";
import { buttonClasses } from "@/components/button-link";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { whileIdle } from "@/components/ui/submit-button";
import { errorText, fieldErrors } from "@/lib/error-text";
import {
  blankQuestion,
  QUESTION_TYPE_LABELS,
  type QuizFormInput,
  type QuizFormOutput,
  quizFormSchema,
  toFormQuestions,
} from "../quiz-model";
import { deleteQuiz, saveQuiz } from "../studio.api";
import { plural } from "../studio-format";
import { useUnsavedChanges } from "../unsaved-changes";
import { AiQuizReview } from "./ai-quiz-review";
import { PlusIcon } from "./icons";
import { focusFirstInvalid, QuestionEditor } from "./question-editor";
import { SaveBar, type SaveState } from "./save-bar";
import { panelClasses, selectClasses } from "./studio-ui";

/**
 * The lesson's quiz: every question type, the pass mark, AI-generated questions after review, saved as a whole
 * with PUT /lessons/:id/quiz (the API checks the same rules and keeps question ids stable).
 */
export function QuizEditor({
  lessonId,
  initial,
  onSaved,
}: {
  lessonId: string;
  initial: OwnerQuiz | null;
  onSaved: (quiz: OwnerQuiz | null) => void;
}) {
  const typeId = useId();
  const [quiz, setQuiz] = useState(initial);
  const [state, setState] = useState<SaveState>("idle");
  const [alert, setAlert] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [newType, setNewType] = useState<QuestionType>("single_choice");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<QuizFormInput, unknown, QuizFormOutput>({
    resolver: zodResolver(quizFormSchema),
    shouldFocusError: false,
    defaultValues: toFormQuestions(initial),
  });
  const { control, register, handleSubmit, reset, setError, formState } = form;
  const { fields, append, remove, move } = useFieldArray({ control, name: "questions" });
  const { isDirty, errors } = formState;
  useUnsavedChanges(`quiz-${lessonId}`, "your changes to the quiz", isDirty);

  const focusQuestion = (index: number) =>
    requestAnimationFrame(() => document.getElementById(`quiz-q${index}-text`)?.focus());

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      setState("saving");
      try {
        const saved = await saveQuiz(lessonId, values);
        setQuiz(saved);
        reset(toFormQuestions(saved));
        setState("saved");
        onSaved(saved);
      } catch (error) {
        setState("failed");
        const fields = fieldErrors(error);
        for (const [name, text] of Object.entries(fields)) {
          setError(name as FieldPath<QuizFormInput>, { type: "server", message: text });
        }
        focusFirstInvalid(formRef.current);
        setAlert(
          Object.keys(fields).length > 0
            ? "The quiz wasn't saved: see the messages by the questions."
            : errorText(error),
        );
      }
    },
    () => {
      setState("failed");
      setAlert("The quiz wasn't saved: some questions need your attention (see the messages by them).");
      focusFirstInvalid(formRef.current);
    },
  );

  const addQuestions = (questions: QuizQuestionInput[]) => {
    const room = MAX_QUESTIONS - fields.length;
    append(questions.slice(0, room));
    setAnnouncement(
      `${plural(Math.min(room, questions.length), "question")} added to the quiz. Save the quiz to keep ${questions.length === 1 ? "it" : "them"}.`,
    );
  };

  return (
    <section aria-labelledby="quiz-title" className={panelClasses}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="quiz-title" className="text-lg font-semibold tracking-tight">
          Quiz
        </h2>
        <p className="text-sm text-muted">
          {quiz ? `Saved with ${plural(quiz.question_count, "question")}` : "No quiz yet"}
        </p>
      </div>
      <p className="mt-1 text-sm text-muted">
        Learners take it after the lesson; their answers are scored by the server and the explanations shown after.
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <div className="mt-5">
        <AiQuizReview lessonId={lessonId} onAccept={addQuestions} />
      </div>

      <form ref={formRef} noValidate onSubmit={whileIdle(state === "saving", submit)} className="mt-6 space-y-4">
        {alert && <FormAlert>{alert}</FormAlert>}
        <div className="max-w-48">
          <FormField id="quiz-pass-mark" label="Pass mark (%)" error={errors.pass_mark?.message}>
            {(c) => (
              <input
                {...c}
                {...register("pass_mark", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                className={inputClasses}
              />
            )}
          </FormField>
        </div>

        {fields.length === 0 && (
          <p className="rounded-xl border border-dashed border-border-strong/50 px-4 py-6 text-center text-sm text-muted">
            No questions yet. Add one below, or generate some with AI and review them.
          </p>
        )}
        {errors.questions?.root?.message || errors.questions?.message ? (
          <p className="text-sm text-danger">{errors.questions?.root?.message ?? errors.questions?.message}</p>
        ) : null}
        <ol className="space-y-4">
          {fields.map((field, index) => (
            <li key={field.id}>
              <QuestionEditor
                form={form}
                index={index}
                count={fields.length}
                idPrefix="quiz"
                label={`Question ${index + 1}`}
                onMove={(direction) => move(index, index + direction)}
                onRemove={() => {
                  remove(index);
                  setAnnouncement(`Question ${index + 1} removed.`);
                }}
              />
            </li>
          ))}
        </ol>

        {fields.length < MAX_QUESTIONS && (
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={typeId} className="text-sm font-medium">
                New question type
              </label>
              <select
                id={typeId}
                value={newType}
                onChange={(e) => setNewType(e.target.value as QuestionType)}
                className={`${selectClasses} mt-1 h-10 w-60`}
              >
                {QUESTION_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {QUESTION_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              onClick={() => {
                append(blankQuestion(newType));
                focusQuestion(fields.length);
              }}
              className={`${buttonClasses("secondary", "sm")} h-10`}
            >
              <PlusIcon />
              Add question
            </button>
          </div>
        )}

        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-5">
          <SaveBar state={state} dirty={isDirty} label="Save quiz" />
          {quiz && (
            <button
              type="button"
              onClick={() => setConfirmDelete(true)}
              className={`${buttonClasses("ghost", "sm")} text-danger`}
            >
              Delete quiz
            </button>
          )}
        </div>
      </form>

      {confirmDelete && (
        <ConfirmDialog
          title="Delete this quiz?"
          confirmLabel="Delete quiz"
          tone="danger"
          busy={deleting}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={async () => {
            setDeleting(true);
            try {
              await deleteQuiz(lessonId);
              setQuiz(null);
              reset(toFormQuestions(null));
              setState("idle");
              setAlert(null);
              onSaved(null);
            } catch (error) {
              setAlert(errorText(error));
            }
            setDeleting(false);
            setConfirmDelete(false);
          }}
        >
          Its questions and every learner's attempts go with it. This can't be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}
