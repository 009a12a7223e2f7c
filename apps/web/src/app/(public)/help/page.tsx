import type { Metadata } from "next";
import Link from "next/link";
import { InfoPage } from "@/components/info-page";
import { supportEmail } from "@/env";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Help",
  description: "Answers about progress, the AI tutor, quizzes, payments and your account, and how to reach us.",
};

const QUESTIONS: Array<{ q: string; a: React.ReactNode }> = [
  {
    q: "How is my progress saved?",
    a: (
      <p>
        While a video plays, the player reports what you watched every few seconds and when you pause or leave. Open the
        lesson again, on any device, and it resumes at the start of the first part you haven't seen. A video lesson
        counts as complete once you have really watched 90% of it; a reading lesson when you mark it complete.
      </p>
    ),
  },
  {
    q: "What can the AI tutor answer?",
    a: (
      <p>
        Questions about the course you are in. It searches the lesson you are on first, then the rest of the course you
        can read, and every answer links to the lesson and the second of the video it comes from. If the course doesn't
        cover something, it says so rather than making an answer up. While a quiz is open, it gives hints that point you
        to the right part of the lesson, never the answer.
      </p>
    ),
  },
  {
    q: "Why does the tutor say I have a daily limit?",
    a: (
      <p>
        Each account has a number of tutor answers per day, higher with Premium; the panel shows what is left. Only
        answers count: a question the tutor declines, a question the course doesn't cover, or an error costs nothing,
        and asking the same question again on the same lesson is answered from memory for free.
      </p>
    ),
  },
  {
    q: "How do quizzes work?",
    a: (
      <p>
        Quizzes are marked on our side when you submit, and the results explain each question. You can take a quiz again
        as often as you like; we keep your best score and whether you have passed.
      </p>
    ),
  },
  {
    q: "What does Premium include?",
    a: (
      <p>
        Every paid course, for as long as the subscription runs, and a larger daily tutor allowance. You can cancel at
        the end of the period or resume from <Link href="/account/billing">Billing</Link>. See{" "}
        <Link href="/pricing">pricing</Link> for the plans.
      </p>
    ),
  },
  {
    q: "I forgot my password.",
    a: (
      <p>
        Use <Link href="/forgot-password">Forgot your password?</Link> on the login page. We email a link that works
        once and for a short time; opening it lets you choose a new password and signs out your other sessions.
      </p>
    ),
  },
  {
    q: "I want to teach a course.",
    a: (
      <p>
        Creator accounts build courses in the Studio. Write to us from the address on your account and tell us what you
        would like to teach.
      </p>
    ),
  },
];

export default function HelpPage() {
  const email = supportEmail();
  return (
    <InfoPage
      title="Help"
      lead="Answers to what people ask most. If yours isn't here, write to us."
      sections={[
        {
          id: "questions",
          title: "Common questions",
          body: (
            <div className="space-y-3">
              {QUESTIONS.map(({ q, a }) => (
                <details key={q} className="group rounded-xl border border-border bg-surface px-4 py-3">
                  <summary className="cursor-pointer font-medium text-foreground marker:text-muted">{q}</summary>
                  <div className="mt-3 text-muted">{a}</div>
                </details>
              ))}
            </div>
          ),
        },
        {
          id: "contact",
          title: "Contact us",
          body: (
            <>
              <p>
                Email <a href={`mailto:${email}`}>{email}</a> from the address on your account, so we can find it. Tell
                us the course and lesson if your question is about one, and what you expected to happen.
              </p>
              <p>We never ask for your password, by email or otherwise.</p>
            </>
          ),
        },
      ]}
    />
  );
}
