"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { GeneratedQuestion, QuizQuestionInput } from "@lumen/contracts";
import { useId, useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { buttonClasses } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { Spinner } from "@/components/ui/spinner";
import { errorText } from "@/lib/error-text";
import { fromGenerated, type QuizFormInput, type QuizFormOutput, quizFormSchema } from "../quiz-model";
import { type Difficulty, generateQuiz } from "../studio.api";
import { formatSeconds, plural } from "../studio-format";
import { SparkIcon } from "./icons";
import { focusFirstInvalid, QuestionEditor } from "./question-editor";
import { selectClasses } from "./studio-ui";

const COUNTS = [3, 5, 8, 10];
const DIFFICULTIES: { value: Difficulty; label: string }[] = [
  { value: "easy", label: "Easy" },
  { value: "medium", label: "Medium" },
  { value: "hard", label: "Hard" },
];

type Sources = Array<GeneratedQuestion["source"] | null>;

/**
 * "Generate with AI": questions written from the lesson's text and transcript, shown for review. Each can be
 * edited or discarded; "Add to quiz" checks them with the quiz's own rules and hands them to the quiz editor.
 */
export function AiQuizReview({
  lessonId,
  onAccept,
}: {
  lessonId: string;
  onAccept: (questions: QuizQuestionInput[]) => void;
}) {
  const countId = useId();
  const difficultyId = useId();
  const [count, setCount] = useState(5);
  const [difficulty, setDifficulty] = useState<Difficulty>("medium");
  const [generating, setGenerating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [sources, setSources] = useState<Sources>([]);
  const [provider, setProvider] = useState<string | null>(null);
  const [asked, setAsked] = useState({ wanted: 0, written: 0 });
  const formRef = useRef<HTMLFormElement>(null);
  const review = useForm<QuizFormInput, unknown, QuizFormOutput>({
    resolver: zodResolver(quizFormSchema),
    defaultValues: { questions: [] },
  });
  const { fields, remove, replace } = useFieldArray({ control: review.control, name: "questions" });

  async function generate() {
    if (generating) return;
    setGenerating(true);
    setFailure(null);
    try {
      const result = await generateQuiz({ lesson_id: lessonId, num_questions: count, difficulty });
      if (result.questions.length === 0) {
        setFailure("The lesson doesn't have enough text to write questions from. Add notes or a transcript first.");
      } else {
        replace(result.questions.map(fromGenerated));
        setSources(result.questions.map((q) => q.source));
        setProvider(result.provider);
        setAsked({ wanted: count, written: result.questions.length });
        review.clearErrors();
      }
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setGenerating(false);
    }
  }

  const discardAll = () => {
    replace([]);
    setSources([]);
  };

  const accept = review.handleSubmit(
    (values) => {
      onAccept(values.questions);
      discardAll();
    },
    () => focusFirstInvalid(formRef.current),
  );

  return (
    <section
      aria-labelledby={`${countId}-title`}
      className="rounded-2xl border border-primary/25 bg-primary-soft/40 p-4 sm:p-5"
    >
      <h3 id={`${countId}-title`} className="flex items-center gap-2 font-semibold">
        <SparkIcon className="size-4 text-primary" />
        Generate with AI
      </h3>
      <p className="mt-1 text-sm text-muted">
        Questions are written from this lesson's saved text and transcript. You review and edit them before they join
        the quiz.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={countId} className="text-sm font-medium">
            Questions
          </label>
          <select
            id={countId}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
            className={`${selectClasses} mt-1 h-10 w-24`}
          >
            {COUNTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={difficultyId} className="text-sm font-medium">
            Difficulty
          </label>
          <select
            id={difficultyId}
            value={difficulty}
            onChange={(e) => setDifficulty(e.target.value as Difficulty)}
            className={`${selectClasses} mt-1 h-10 w-32`}
          >
            {DIFFICULTIES.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={generate}
          aria-disabled={generating || undefined}
          className={`${buttonClasses("primary", "sm")} h-10 aria-disabled:cursor-progress`}
        >
          {generating ? <Spinner /> : <SparkIcon />}
          {generating ? "Writing questions…" : fields.length > 0 ? "Generate again" : "Generate questions"}
        </button>
      </div>
      <div aria-live="polite" className="sr-only">
        {generating
          ? "Writing questions from the lesson…"
          : fields.length > 0
            ? `${plural(fields.length, "question")} ready for review.`
            : ""}
      </div>
      {failure && (
        <div className="mt-3">
          <FormAlert>{failure}</FormAlert>
        </div>
      )}

      {fields.length > 0 && (
        <form
          ref={formRef}
          noValidate
          onSubmit={(event) => void accept(event)}
          aria-label="Review the generated questions"
          className="mt-5 space-y-4"
        >
          <p className="text-sm">
            <span className="font-medium">Review {plural(fields.length, "generated question")}.</span>{" "}
            <span className="text-muted">Check each answer; edit or discard what isn't right.</span>
            {asked.written < asked.wanted && (
              <span className="block text-muted">
                The lesson's text was enough for {plural(asked.written, "question")} of the {asked.wanted} asked for.
              </span>
            )}
            {provider === "offline" && (
              <span className="block text-muted">
                Written by Lumen's offline generator (no AI model is configured).
              </span>
            )}
          </p>
          {fields.map((field, index) => {
            const source = sources[index];
            return (
              <QuestionEditor
                key={field.id}
                form={review}
                index={index}
                count={fields.length}
                idPrefix="ai-review"
                label={`Suggested question ${index + 1}`}
                removeLabel="Discard"
                onRemove={() => {
                  remove(index);
                  setSources((s) => s.filter((_, i) => i !== index));
                }}
                aside={
                  source ? (
                    <p className="mt-1 text-xs text-muted">
                      From {source.title}
                      {source.start_seconds !== undefined ? ` at ${formatSeconds(source.start_seconds)}` : ""}
                    </p>
                  ) : undefined
                }
              />
            );
          })}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClasses("primary")}>
              Add {plural(fields.length, "question")} to the quiz
            </button>
            <button type="button" onClick={discardAll} className={buttonClasses("ghost")}>
              Discard all
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
