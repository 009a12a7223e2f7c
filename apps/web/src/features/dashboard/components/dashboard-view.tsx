"use client";

import { useEffect } from "react";
import { updateSessionUser, useSession } from "@/features/auth/session";
import { myCertificates } from "@/features/certificates/certificates.api";
import { MyCertificates } from "@/features/certificates/components/my-certificates";
import { ReviewDashboardCard } from "@/features/daily-review/review-dashboard-card";
import { useAuthResource } from "@/lib/use-auth-resource";
import { aiUsage, learningPath, me, myCourses } from "../dashboard.api";
import { courseToResume, firstName } from "../dashboard-format";
import { AiBudget } from "./ai-budget";
import { ContinueCard, ContinueCardSkeleton } from "./continue-card";
import { LearningPath } from "./learning-path";
import { MyCourses } from "./my-courses";
import { StatsPanel } from "./stats-panel";
import { VerifyBanner } from "./verify-banner";

/**
 * The signed-in learner's home. Each panel loads on its own, so one that fails shows its own message and retry
 * while the rest of the page works. `now` pins the clock in tests.
 */
export function DashboardView({ now }: { now?: Date }) {
  const user = useSession((s) => s.user);
  const courses = useAuthResource(myCourses);
  const path = useAuthResource(learningPath);
  const usage = useAuthResource(aiUsage);
  const fresh = useAuthResource(me);
  const certificates = useAuthResource(myCertificates);

  // Stats and the verification state change as the learner learns: bring the session's copy up to date.
  const freshUser = fresh.status === "ready" ? fresh.data.user : null;
  useEffect(() => {
    if (freshUser && useSession.getState().user?.id === freshUser.id) updateSessionUser(freshUser);
  }, [freshUser]);

  if (!user) return null;

  const resume = courses.status === "ready" ? courseToResume(courses.data.items) : null;
  const nextLesson =
    resume && path.status === "ready"
      ? path.data.items.find((item) => item.lesson_id === resume.next_lesson_id)?.title
      : undefined;
  const streak = user.stats.current_streak_days;
  const returning = user.stats.lessons_completed > 0 || user.stats.last_active_date !== null;

  return (
    <div className="mx-auto max-w-page px-4 py-10 sm:px-6 sm:py-12 lg:px-8">
      <header>
        <h1 className="font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
          {returning ? "Welcome back" : "Welcome"}, {firstName(user.full_name)}
        </h1>
        <p className="mt-2 text-muted">
          {streak > 0
            ? `You're on a ${streak}-day learning streak. A lesson today keeps it going.`
            : "A short lesson today is a great way to start a learning streak."}
        </p>
      </header>

      {!user.email_verified && (
        <div className="mt-6">
          <VerifyBanner email={user.email} />
        </div>
      )}

      {/* One column on phones (the summary panels right after the course to resume); on wide screens the
          summary panels stand in a right-hand column beside the courses. */}
      <div className="mt-8 grid gap-6 lg:grid-cols-3 lg:items-start">
        {courses.status === "loading" && (
          <div className="lg:col-span-2">
            <ContinueCardSkeleton />
          </div>
        )}
        {resume?.next_lesson_id && (
          <div className="lg:col-span-2">
            <ContinueCard
              course={{ ...resume, next_lesson_id: resume.next_lesson_id }}
              lessonTitle={nextLesson}
              now={now}
            />
          </div>
        )}
        <div className="space-y-6 lg:col-start-3 lg:row-span-3 lg:row-start-1">
          <ReviewDashboardCard />
          <StatsPanel stats={user.stats} />
          <AiBudget resource={usage} onRetry={usage.retry} now={now} />
        </div>
        <div className="lg:col-span-2">
          <MyCourses resource={courses} onRetry={courses.retry} now={now} />
        </div>
        <div className="lg:col-span-2">
          <LearningPath resource={path} onRetry={path.retry} />
        </div>
        <div className="lg:col-span-2">
          <MyCertificates resource={certificates} onRetry={certificates.retry} />
        </div>
      </div>
    </div>
  );
}
