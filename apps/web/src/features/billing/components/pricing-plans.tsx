"use client";

import type { PremiumInterval } from "@lumen/contracts";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { useSession } from "@/features/auth/session";
import { errorText } from "@/lib/error-text";
import { useResource } from "@/lib/use-resource";
import { checkoutTarget, getPrices, startCheckout } from "../billing.api";
import { formatMoney } from "../money";

const FREE = ["Every free course", "Progress, quizzes and certificates of completion", "The AI tutor, daily budget"];
const PREMIUM = [
  "Every paid course, included",
  "A larger daily AI tutor budget",
  "Cancel any time: access lasts to the end of the paid period",
];

function Features({ items }: { items: string[] }) {
  return (
    <ul className="mt-6 space-y-2 text-sm">
      {items.map((item) => (
        <li key={item} className="flex gap-2">
          <span aria-hidden="true" className="text-primary">
            ✓
          </span>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** /pricing: Free vs Premium (monthly or yearly), and the way to subscribe. */
export function PricingPlans({ courseId }: { courseId: string | null }) {
  const router = useRouter();
  const { status, user } = useSession();
  const prices = useResource("prices", (signal) => getPrices(signal));
  const [interval, setInterval] = useState<PremiumInterval>("month");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function subscribe() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const { checkout_url } = await startCheckout({ kind: "premium", interval });
      const target = checkoutTarget(checkout_url);
      if ("internal" in target) router.push(target.internal);
      else window.location.assign(target.external);
    } catch (error) {
      setFailure(errorText(error, "We couldn't start the checkout. Please try again."));
      setBusy(false);
    }
  }

  const p = prices.status === "ready" ? prices.data : null;
  const amount = p ? formatMoney(p.premium[interval], p.currency) : "…";
  const yearlySaving = p ? Math.round(100 - (p.premium.year / (p.premium.month * 12)) * 100) : 0;

  return (
    <div className="mx-auto max-w-page px-4 py-12 sm:px-6 lg:px-8">
      <h1 className="font-display text-4xl font-semibold tracking-tight">Plans and pricing</h1>
      <p className="mt-3 max-w-2xl text-muted">
        Start free. Buy a single paid course to keep, or get Premium for every paid course.
      </p>
      {p?.provider === "test" && (
        <p role="note" className="mt-4 text-sm font-semibold text-accent">
          Test mode — no real payment is taken.
        </p>
      )}
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="plan-free" className="rounded-card border border-border bg-surface p-6 shadow-card">
          <h2 id="plan-free" className="font-display text-2xl font-semibold">
            Free
          </h2>
          <p className="mt-2 font-display text-3xl font-semibold">$0</p>
          <Features items={FREE} />
          <ButtonLink href="/courses" variant="secondary" className="mt-6 w-full">
            Browse courses
          </ButtonLink>
        </section>
        <section
          aria-labelledby="plan-premium"
          className="rounded-card border-2 border-primary bg-surface p-6 shadow-card"
        >
          <h2 id="plan-premium" className="font-display text-2xl font-semibold">
            Premium
          </h2>
          <fieldset className="mt-3 flex gap-2">
            <legend className="sr-only">Billing period</legend>
            {(["month", "year"] as const).map((value) => (
              <label
                key={value}
                className="flex cursor-pointer items-center gap-2 rounded-full border border-border px-3 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:text-primary"
              >
                <input
                  type="radio"
                  name="interval"
                  value={value}
                  checked={interval === value}
                  onChange={() => setInterval(value)}
                />
                {value === "month" ? "Monthly" : `Yearly${yearlySaving > 0 ? ` (save ${yearlySaving}%)` : ""}`}
              </label>
            ))}
          </fieldset>
          <p className="mt-3 font-display text-3xl font-semibold">
            {amount}
            <span className="text-base font-normal text-muted"> / {interval}</span>
          </p>
          <Features items={PREMIUM} />
          {status === "authenticated" && user?.premium_status ? (
            <ButtonLink href="/account/billing" className="mt-6 w-full">
              You have Premium: manage it
            </ButtonLink>
          ) : status === "authenticated" ? (
            <button
              type="button"
              onClick={subscribe}
              aria-disabled={busy || !p || undefined}
              className={`${buttonClasses("primary")} mt-6 w-full aria-disabled:opacity-70`}
            >
              {busy ? "Starting checkout…" : `Get Premium ${interval === "month" ? "monthly" : "yearly"}`}
            </button>
          ) : (
            <ButtonLink
              href={`/register?next=${encodeURIComponent(courseId ? `/pricing?course=${courseId}` : "/pricing")}`}
              className="mt-6 w-full"
            >
              Sign up to get Premium
            </ButtonLink>
          )}
          {failure && (
            <p role="alert" className="mt-3 rounded-xl bg-danger-soft px-4 py-3 text-sm text-danger">
              {failure}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
