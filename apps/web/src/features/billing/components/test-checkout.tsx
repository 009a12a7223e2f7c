"use client";

import type { CheckoutStatus } from "@lumen/contracts";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import { errorText, fieldErrors } from "@/lib/error-text";
import { useResource } from "@/lib/use-resource";
import { getCheckout, payTestCheckout } from "../billing.api";
import { formatMoney } from "../money";

const what = (s: CheckoutStatus) =>
  s.kind === "course" ? (s.course_title ?? "Course") : `Lumen Premium, ${s.interval === "year" ? "yearly" : "monthly"}`;

/**
 * The built-in checkout used when Stripe is not configured: clearly marked as test mode, it takes the test
 * cards only and pays through the same fulfilment as Stripe's webhook.
 */
export function TestCheckout({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const session = useResource(`checkout:${sessionId}`, (signal) => getCheckout(sessionId, signal));
  const [card, setCard] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** The card field's own problem (empty, not a test card), said beside it. */
  const [cardError, setCardError] = useState<string | null>(null);
  const cardRef = useRef<HTMLInputElement>(null);
  /** Says what is wrong with the card number beside the field, and puts the focus there. */
  const refuseCard = (message: string) => {
    setCardError(message);
    cardRef.current?.focus();
  };

  async function pay(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (card.trim() === "") {
      refuseCard("Enter a card number: 4242 4242 4242 4242 pays");
      return;
    }
    setCardError(null);
    setBusy(true);
    try {
      await payTestCheckout(sessionId, card);
      router.push(`/checkout/success?session_id=${encodeURIComponent(sessionId)}`);
    } catch (error) {
      const field = fieldErrors(error).card_number;
      if (field) refuseCard(field);
      else setFailure(errorText(error, "The payment didn't go through. Please try again."));
      setBusy(false);
    }
  }

  if (session.status === "loading") {
    return <div className="mx-auto h-80 max-w-md animate-pulse rounded-card bg-surface-muted" aria-busy="true" />;
  }
  if (session.status === "error") {
    return (
      <StatusPanel tone="danger" role="alert" title="We couldn't open this checkout">
        {errorText(session.error)}
      </StatusPanel>
    );
  }
  const s = session.data;
  if (s.fulfilled) {
    return (
      <StatusPanel title="Already paid" actions={<Link href="/account/billing">See your billing</Link>}>
        This checkout is complete.
      </StatusPanel>
    );
  }

  return (
    <div className="mx-auto max-w-md space-y-6">
      <p
        role="note"
        className="rounded-xl border-2 border-dashed border-accent px-4 py-3 text-center text-sm font-semibold text-accent"
      >
        Test mode — no real payment
      </p>
      <div className="rounded-card border border-border bg-surface p-6 shadow-card">
        <h1 className="font-display text-2xl font-semibold">Checkout</h1>
        <dl className="mt-4 flex items-baseline justify-between gap-4">
          <dt className="text-muted">{what(s)}</dt>
          <dd className="font-display text-2xl font-semibold">
            {formatMoney(s.amount, s.currency)}
            {s.kind === "premium" && (
              <span className="text-sm font-normal text-muted"> / {s.interval === "year" ? "year" : "month"}</span>
            )}
          </dd>
        </dl>
        <form onSubmit={pay} className="mt-6 space-y-4" noValidate>
          <label className="block text-sm font-medium" htmlFor="card-number">
            Card number
          </label>
          <input
            id="card-number"
            ref={cardRef}
            inputMode="numeric"
            autoComplete="off"
            value={card}
            onChange={(e) => setCard(e.target.value)}
            placeholder="4242 4242 4242 4242"
            aria-invalid={cardError ? true : undefined}
            aria-describedby={cardError ? "card-number-error" : undefined}
            className="w-full rounded-xl border border-border bg-background px-4 py-3 font-mono aria-invalid:border-danger"
          />
          {cardError && (
            <p id="card-number-error" className="text-sm text-danger">
              {cardError}
            </p>
          )}
          <p className="text-xs leading-relaxed text-muted">
            Use 4242 4242 4242 4242 to pay, or 4000 0000 0000 0002 to see a declined card. Nothing is charged.
          </p>
          <button
            type="submit"
            aria-disabled={busy || undefined}
            className={`${buttonClasses("primary")} w-full aria-disabled:opacity-70`}
          >
            {busy ? "Paying…" : `Pay ${formatMoney(s.amount, s.currency)}`}
          </button>
          {failure && (
            <p role="alert" className="rounded-xl bg-danger-soft px-4 py-3 text-sm text-danger">
              {failure}
            </p>
          )}
        </form>
      </div>
      <p className="text-center text-sm">
        <Link href={`/checkout/cancel?session_id=${encodeURIComponent(sessionId)}`} className="text-muted underline">
          Cancel and go back
        </Link>
      </p>
    </div>
  );
}
