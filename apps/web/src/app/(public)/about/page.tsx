import type { Metadata } from "next";
import Link from "next/link";
import { InfoPage } from "@/components/info-page";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "About",
  description: "Lumen: video courses with an AI tutor that answers from the lesson and shows the moment it comes from.",
};

export default function AboutPage() {
  return (
    <InfoPage
      title="About Lumen"
      lead="Lumen is a place to teach and to learn: video courses you can pick up where you left off, quizzes that explain themselves, and a tutor that answers from the lesson you are watching."
      sections={[
        {
          id: "learners",
          title: "For learners",
          body: (
            <>
              <p>
                Every lesson remembers where you stopped, to the second, on any device. Progress counts what you really
                watched, so skipping to the end of a video doesn't mark it done, and rewatching a hard part never counts
                against you.
              </p>
              <p>
                When something isn't clear, ask the tutor beside the video. It answers from the course itself, quotes
                the passage it used and links to the moment in the video, so you can check the explanation in the
                instructor's own words. While a quiz is open it gives hints, not answers.
              </p>
            </>
          ),
        },
        {
          id: "creators",
          title: "For creators",
          body: (
            <>
              <p>
                The studio takes a course from an outline to a published page: modules and lessons you reorder by drag
                and drop or keyboard, video uploads with transcripts, and quizzes you write or draft with AI and review
                before anyone sees them.
              </p>
              <p>
                Once learners arrive, course analytics show enrollments, where people stop, which quiz questions trip
                them up, and the stretches of video they rewatch or ask the tutor about, which is usually where a lesson
                can be made clearer.
              </p>
            </>
          ),
        },
        {
          id: "principles",
          title: "What we hold to",
          body: (
            <ul>
              <li>
                <strong>Answers you can check.</strong> The tutor cites the lesson and the second; when the course
                doesn't cover a question, it says so instead of guessing.
              </li>
              <li>
                <strong>Accessible by default.</strong> Captions and transcripts, full keyboard use, reduced motion
                honoured, and pages tested with assistive-technology checks.
              </li>
              <li>
                <strong>Your data stays yours.</strong> No advertising trackers. See the{" "}
                <Link href="/privacy">privacy notice</Link> for what is kept and why.
              </li>
            </ul>
          ),
        },
      ]}
    />
  );
}
