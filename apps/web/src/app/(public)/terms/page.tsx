import type { Metadata } from "next";
import Link from "next/link";
import { InfoPage } from "@/components/info-page";
import { supportEmail } from "@/env";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Terms of use",
  description: "The rules for using Lumen as a learner, a creator or a visitor.",
};

export default function TermsPage() {
  const email = supportEmail();
  return (
    <InfoPage
      title="Terms of use"
      lead="The short version: be honest, respect other people's work, and use the tutor to learn, not to break things. The details follow."
      updated="2026-12-04"
      sections={[
        {
          id: "account",
          title: "Your account",
          body: (
            <>
              <p>
                You need an account to enroll, track progress, take quizzes and ask the tutor. Give a real email address
                you can read, keep your password to yourself, and tell us at <a href={`mailto:${email}`}>{email}</a> if
                you think someone else has used your account. You are responsible for what happens under it.
              </p>
              <p>
                We may suspend an account that attacks the service, shares paid courses, or harasses other people. We
                tell you why, unless the law or the safety of others prevents it.
              </p>
            </>
          ),
        },
        {
          id: "courses",
          title: "Courses and what you may do with them",
          body: (
            <>
              <p>
                Enrolling gives you a personal licence to watch, read and practise with a course for your own learning.
                It does not let you download, republish, resell or share the videos, transcripts or quizzes.
              </p>
              <p>
                Creators keep the rights to what they publish. By publishing, a creator allows Lumen to host, show and
                index the course (including for the tutor's search and answers) for the people allowed to see it.
              </p>
            </>
          ),
        },
        {
          id: "creators",
          title: "Creators",
          body: (
            <>
              <p>
                Publish only material you have the right to publish, describe it honestly, and keep it accurate. Our
                team can unpublish a course that breaks these terms or the law; the creator is told the reason.
              </p>
              <p>Reviews belong to the learners who wrote them; creators cannot edit or remove them.</p>
            </>
          ),
        },
        {
          id: "tutor",
          title: "The AI tutor",
          body: (
            <>
              <p>
                The tutor answers from the course material and shows where each answer comes from. It can still be
                wrong: check important points against the lesson it cites, and don't rely on it for medical, legal or
                financial decisions.
              </p>
              <p>
                Daily limits keep the service fair for everyone. Don't try to make the tutor reveal quiz answers, ignore
                its instructions, or reach content you haven't access to.
              </p>
            </>
          ),
        },
        {
          id: "payments",
          title: "Payments",
          body: (
            <>
              <p>
                Prices are shown before you pay, and payments are processed by our payment provider; we never see or
                store your card number. Premium renews at the end of each period until you cancel, which you can do at
                any time from <Link href="/account/billing">Billing</Link>; it then runs until the period ends.
              </p>
              <p>
                If a course isn't what its page described, write to us and we will look at a refund. A refunded course
                leaves your library.
              </p>
            </>
          ),
        },
        {
          id: "changes",
          title: "Changes and contact",
          body: (
            <p>
              When these terms change in a way that matters, we say so on the site before the change applies. Questions:{" "}
              <a href={`mailto:${email}`}>{email}</a>. How we handle personal data is in the{" "}
              <Link href="/privacy">privacy notice</Link>.
            </p>
          ),
        },
      ]}
    />
  );
}
