import type { Metadata } from "next";
import { InfoPage } from "@/components/info-page";
import { supportEmail } from "@/env";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Privacy notice",
  description: "What Lumen keeps about you, why, who else sees it, and how to get a copy or have it erased.",
};

export default function PrivacyPage() {
  const email = supportEmail();
  return (
    <InfoPage
      title="Privacy notice"
      lead="We keep what the service needs to teach you and keep your account safe, and nothing for advertising."
      updated="2026-12-04"
      sections={[
        {
          id: "what",
          title: "What we keep",
          body: (
            <ul>
              <li>
                <strong>Your account:</strong> name, email address, role, and whether you have Premium. Your password is
                stored only as a salted Argon2id hash that cannot be turned back into the password.
              </li>
              <li>
                <strong>Your learning:</strong> enrollments, which parts of each video you watched and where to resume,
                quiz attempts and scores, reviews you write, and your conversations with the tutor (your questions, its
                answers and the second of the video you asked at).
              </li>
              <li>
                <strong>Security records:</strong> your sessions, failed sign-ins, and events such as password resets.
                The IP address and browser stored with them are encrypted, and only administrators investigating abuse
                can read them.
              </li>
              <li>
                <strong>Payments:</strong> what you bought, when, your subscription&apos;s status and receipts. Card
                details go straight to the payment provider; we never receive them.
              </li>
            </ul>
          ),
        },
        {
          id: "why",
          title: "Why we use it",
          body: (
            <>
              <p>
                To run the service you asked for: resume lessons, mark progress, score quizzes, answer tutor questions
                in the context of your lesson, suggest what to learn next, and send the emails your account needs
                (address verification and password resets).
              </p>
              <p>
                Creators see how their courses are used in aggregate: enrollments, completion, quiz results, the parts
                of a video people rewatch, and the questions asked about a lesson without who asked them. They
                don&apos;t see your email or your individual progress.
              </p>
            </>
          ),
        },
        {
          id: "others",
          title: "Who else sees it",
          body: (
            <ul>
              <li>
                <strong>The AI provider</strong>, when the platform uses one: your question, the course passages that
                answer it and your level are sent to generate the answer. When no provider is configured, answers are
                composed on our own servers.
              </li>
              <li>
                <strong>The payment provider</strong> processes payments and subscriptions.
              </li>
              <li>
                <strong>Our email provider</strong> delivers the emails your account needs.
              </li>
              <li>
                <strong>Error reporting</strong>, when enabled, receives technical details of failures with an account
                id, never your email, password, tokens or what you typed.
              </li>
            </ul>
          ),
        },
        {
          id: "cookies",
          title: "Cookies and storage",
          body: (
            <p>
              One cookie keeps you signed in: it is http-only (pages&apos; scripts can&apos;t read it) and only sent to
              Lumen itself. Your browser also remembers display choices such as light or dark theme. There are no
              advertising or cross-site tracking cookies.
            </p>
          ),
        },
        {
          id: "rights",
          title: "Your choices and rights",
          body: (
            <>
              <p>
                You can leave a course at any time and your progress is kept in case you come back. To get a copy of the
                data we hold about you, correct it, or have your account erased, write to{" "}
                <a href={`mailto:${email}`}>{email}</a> from your account&apos;s address. When an account is erased, its
                personal data goes; anonymous totals (for example, how many people finished a lesson) stay.
              </p>
              <p>Security records are kept for as long as they are needed to protect accounts, then deleted.</p>
            </>
          ),
        },
      ]}
    />
  );
}
