import type { ReactNode } from "react";

const FEATURES: { title: string; body: string; icon: ReactNode }[] = [
  {
    title: "Answers that cite the second",
    body: "Ask the tutor anything about the lesson. It answers from the course itself and links the exact moment in the video, so you can watch the proof.",
    icon: (
      <>
        <path d="M21 12a8.5 8.5 0 01-12.3 7.6L3 21l1.4-5.3A8.5 8.5 0 1121 12z" />
        <path d="M10 9.5v5l4-2.5z" />
      </>
    ),
  },
  {
    title: "Progress saved to the second",
    body: "Close the tab mid-sentence. When you come back, every video resumes where you left it, on any device.",
    icon: (
      <>
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v5l3 2" />
      </>
    ),
  },
  {
    title: "Quizzes that check understanding",
    body: "Short quizzes after lessons show what stuck. While a quiz is open, the tutor gives hints, not answers.",
    icon: (
      <>
        <rect x="4" y="3" width="16" height="18" rx="3" />
        <path d="M8.5 12l2.5 2.5 4.5-5" />
      </>
    ),
  },
];

export function FeatureList() {
  return (
    <ul className="grid gap-5 md:grid-cols-3">
      {FEATURES.map((feature) => (
        <li key={feature.title} className="rounded-card border border-border bg-surface p-6 sm:p-7">
          <span className="flex size-11 items-center justify-center rounded-xl bg-primary-soft text-primary">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-6"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.7"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              {feature.icon}
            </svg>
          </span>
          <h3 className="mt-5 text-lg font-semibold tracking-tight">{feature.title}</h3>
          <p className="mt-2 text-[0.95rem] leading-relaxed text-muted">{feature.body}</p>
        </li>
      ))}
    </ul>
  );
}
