"use client";

import { useId, useState } from "react";
import { inputClasses } from "@/components/ui/form-field";
import { Bone, SectionError, SectionLoading } from "@/components/ui/section";
import { useAuthResource } from "@/lib/use-auth-resource";
import { formatCount, formatPercent, formatSeconds, formatShare, plural, questionsIn } from "../analytics-format";
import type { DayRange } from "../analytics-range";
import { type LessonAnalytics, lessonAnalytics, type StuckLesson } from "../creator-analytics.api";
import { LessonTimeline } from "./lesson-timeline";
import { QuestionList } from "./question-list";

/** The lesson to open first: the one with the most signs of trouble, else the first video lesson, else the first. */
function hardestLesson(lessons: readonly StuckLesson[]): StuckLesson | undefined {
  const score = (l: StuckLesson) => l.rewatch_learners + l.questions;
  const worst = lessons.reduce<StuckLesson | undefined>(
    (best, l) => (score(l) > (best ? score(best) : 0) ? l : best),
    undefined,
  );
  return worst ?? lessons.find((l) => l.kind === "video") ?? lessons[0];
}

const optionLabel = (l: StuckLesson) => {
  const signs = [
    l.kind === "video" ? plural(l.rewatch_learners, "learner rewatching", "learners rewatching") : "reading",
    plural(l.questions, "question"),
  ];
  return `${l.position}. ${l.title} — ${signs.join(", ")}`;
};

function LessonFigures({ data }: { data: LessonAnalytics }) {
  const items = [
    { label: "Started", value: formatCount(data.funnel.started) },
    { label: "Completed", value: formatCount(data.funnel.completed) },
    { label: "Drop-off", value: formatShare(data.funnel.drop_off_rate, "—") },
    ...(data.lesson.kind === "video"
      ? [
          { label: "Watched on average", value: formatPercent(data.average_watch_percentage, "—") },
          {
            label: "Watched again",
            value: formatSeconds(data.rewatch_totals.rewatched_seconds),
            note: plural(data.rewatch_totals.learners, "learner"),
          },
        ]
      : []),
    ...(data.quiz
      ? [
          {
            label: "Quiz pass rate",
            value: formatShare(data.quiz.pass_rate, "—"),
            note: plural(data.quiz.attempts, "attempt"),
          },
        ]
      : []),
  ];
  return (
    <dl
      aria-label={`Figures for “${data.lesson.title}”`}
      className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6"
    >
      {items.map((item) => (
        <div key={item.label} className="rounded-xl bg-surface-muted px-3 py-2.5">
          <dt className="text-xs font-medium text-muted">{item.label}</dt>
          <dd className="mt-0.5 text-lg font-semibold tracking-tight tabular-nums">{item.value}</dd>
          {"note" in item && item.note && <dd className="text-xs text-muted">{item.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

function LessonDetail({ courseId, lessonId, range }: { courseId: string; lessonId: string; range: DayRange }) {
  const resource = useAuthResource(lessonAnalytics(courseId, lessonId, range));
  const [selected, setSelected] = useState<number | null>(null);
  const questionsId = useId();

  if (resource.status === "loading") {
    return (
      <SectionLoading label="Loading the lesson's timeline…">
        <Bone className="h-16" />
        <Bone className="mt-4 h-24" />
        <Bone className="mt-4 h-40" />
      </SectionLoading>
    );
  }
  if (resource.status === "error") {
    return <SectionError what="this lesson's figures" error={resource.error} onRetry={resource.retry} />;
  }
  const data = resource.data;
  const bucket = selected === null ? undefined : data.timeline[selected];
  const stretch =
    bucket && selected !== null
      ? { bucket, questions: questionsIn(data.timeline, selected, data.questions.items) }
      : null;
  return (
    <div className="space-y-6">
      <LessonFigures data={data} />
      {data.lesson.kind !== "video" ? (
        <p className="text-sm text-muted">
          This is a reading lesson, so there is no video timeline: its tutor questions are listed below.
        </p>
      ) : data.timeline.length === 0 ? (
        <p className="text-sm text-muted">
          This video's length isn't known yet, so rewatches can't be placed on a timeline. Its questions are listed
          below.
        </p>
      ) : (
        <LessonTimeline
          lessonTitle={data.lesson.title}
          durationSeconds={data.lesson.duration_seconds}
          bucketSeconds={data.bucket_seconds}
          timeline={data.timeline}
          questions={data.questions.items}
          selected={selected}
          onSelect={setSelected}
        />
      )}
      <QuestionList
        courseId={courseId}
        lessonId={lessonId}
        total={data.questions.total}
        questions={data.questions.items}
        stretch={stretch}
        onClearStretch={() => setSelected(null)}
        headingId={questionsId}
      />
    </div>
  );
}

/** "Where learners get stuck": pick a lesson, see where on its video learners went back or asked the tutor. */
export function StuckSection({
  courseId,
  lessons,
  range,
}: {
  courseId: string;
  lessons: readonly StuckLesson[];
  range: DayRange;
}) {
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const lesson = lessons.find((l) => l.lesson_id === chosen) ?? hardestLesson(lessons);

  if (!lesson) {
    return (
      <p className="rounded-xl border border-dashed border-border-strong/50 px-4 py-6 text-center text-sm text-muted">
        This course has no lessons yet. Once it has, you'll see here where learners go back in a video and what they ask
        the tutor.
      </p>
    );
  }
  return (
    <div className="rounded-card border border-border bg-surface p-4 shadow-card sm:p-6">
      <div className="max-w-2xl">
        <label htmlFor={selectId} className="block text-sm font-medium">
          Lesson
        </label>
        <select
          id={selectId}
          value={lesson.lesson_id}
          onChange={(event) => setChosen(event.target.value)}
          className={`${inputClasses} mt-1.5 pr-8`}
        >
          {lessons.map((l) => (
            <option key={l.lesson_id} value={l.lesson_id}>
              {optionLabel(l)}
            </option>
          ))}
        </select>
      </div>
      <div className="mt-6">
        {/* Keyed by lesson and period: a picked stretch belongs to one of each. */}
        <LessonDetail
          key={`${lesson.lesson_id}:${range.from}:${range.to}`}
          courseId={courseId}
          lessonId={lesson.lesson_id}
          range={range}
        />
      </div>
    </div>
  );
}
