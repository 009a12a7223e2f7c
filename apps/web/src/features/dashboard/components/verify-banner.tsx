import { ResendVerification } from "@/features/account/components/resend-verification";

/** A gentle note while the learner's email is unconfirmed; learning is not blocked by it. */
export function VerifyBanner({ email }: { email: string }) {
  return (
    <section
      aria-labelledby="verify-banner-title"
      className="flex flex-col gap-4 rounded-card border border-accent/30 bg-accent-soft px-5 py-4 sm:flex-row sm:items-center sm:justify-between"
    >
      {/* min-w-0 and wrap-anywhere: a long address wraps inside the card on a phone instead of widening it. */}
      <div className="flex min-w-0 gap-3">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="mt-0.5 size-5 shrink-0 text-accent"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <rect x="3" y="5" width="18" height="14" rx="2.5" />
          <path d="M3.5 7l8.5 6 8.5-6" />
        </svg>
        <div className="min-w-0">
          <h2 id="verify-banner-title" className="font-semibold">
            Please confirm your email
          </h2>
          <p className="mt-0.5 text-sm text-muted">
            We sent a link to <span className="font-medium text-foreground wrap-anywhere">{email}</span>. Confirming it
            means you can always get back into your account.
          </p>
        </div>
      </div>
      <div className="min-w-0 pl-8 sm:shrink-0 sm:pl-0">
        <ResendVerification email={email} size="sm" />
      </div>
    </section>
  );
}
