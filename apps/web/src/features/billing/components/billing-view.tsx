"use client";

import type { BillingOverview } from "@lumen/contracts";
import Link from "next/link";
import { useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import { refreshSession } from "@/features/auth/session";
import { errorText } from "@/lib/error-text";
import { useResource } from "@/lib/use-resource";
import { cancelPremium, getBilling, openPortal, resumePremium } from "../billing.api";
import { formatMoney } from "../money";

const day = (iso: string) => new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
const PLAN = { premium_monthly: "Premium, monthly", premium_yearly: "Premium, yearly" } as const;

function Plan({ data, onChange }: { data: BillingOverview; onChange: (next: BillingOverview) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const sub = data.subscription;

  async function run(action: () => Promise<BillingOverview | { url: string }>) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await action();
      if ("url" in result) window.location.assign(result.url);
      else {
        onChange(result);
        void refreshSession();
      }
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const running = data.premium_status && sub.type !== null && sub.status !== "canceled";
  return (
    <section aria-labelledby="plan" className="rounded-card border border-border bg-surface p-6 shadow-card">
      <h2 id="plan" className="font-display text-xl font-semibold">
        Your plan
      </h2>
      {sub.type && data.premium_status ? (
        <div className="mt-3 space-y-1">
          <p className="text-lg font-semibold">{PLAN[sub.type]}</p>
          <p className="text-sm text-muted">
            Status: {sub.status}
            {sub.current_period_end &&
              (sub.cancel_at_period_end || sub.status === "canceled"
                ? ` · ends on ${day(sub.current_period_end)}`
                : ` · renews on ${day(sub.current_period_end)}`)}
          </p>
        </div>
      ) : data.premium_status ? (
        <p className="mt-3">Premium, granted by the Lumen team.</p>
      ) : (
        <p className="mt-3">
          Free plan. <Link href="/pricing">See Premium</Link>
        </p>
      )}
      <div className="mt-5 flex flex-wrap gap-3">
        {running && !sub.cancel_at_period_end && (
          <button type="button" className={buttonClasses("secondary")} onClick={() => run(cancelPremium)}>
            Cancel at period end
          </button>
        )}
        {running && sub.cancel_at_period_end && (
          <button type="button" className={buttonClasses("primary")} onClick={() => run(resumePremium)}>
            Keep Premium
          </button>
        )}
        {data.portal_available && (
          <button type="button" className={buttonClasses("secondary")} onClick={() => run(openPortal)}>
            Manage in Stripe
          </button>
        )}
      </div>
      {failure && (
        <p role="alert" className="mt-3 rounded-xl bg-danger-soft px-4 py-3 text-sm text-danger">
          {failure}
        </p>
      )}
    </section>
  );
}

/** Account → Billing: the plan and its renewal, cancel at period end or resume, purchases and receipts. */
export function BillingView() {
  const billing = useResource("billing", (signal) => getBilling(signal));
  const [override, setOverride] = useState<BillingOverview | null>(null);

  if (billing.status === "loading") {
    return <div className="mx-auto mt-12 h-64 max-w-page animate-pulse rounded-card bg-surface-muted" />;
  }
  if (billing.status === "error") {
    return (
      <div className="px-4 py-16">
        <StatusPanel
          tone="danger"
          role="alert"
          title="We couldn't load your billing"
          actions={
            <button type="button" className={buttonClasses("secondary")} onClick={billing.retry}>
              Try again
            </button>
          }
        >
          {errorText(billing.error)}
        </StatusPanel>
      </div>
    );
  }
  const data = override ?? billing.data;
  return (
    <div className="mx-auto max-w-page space-y-8 px-4 py-12 sm:px-6 lg:px-8">
      <h1 className="font-display text-3xl font-semibold">Billing</h1>
      {data.provider === "test" && (
        <p role="note" className="text-sm font-semibold text-accent">
          Test mode — no real payment is taken.
        </p>
      )}
      <Plan data={data} onChange={setOverride} />
      <section aria-labelledby="purchases">
        <h2 id="purchases" className="font-display text-xl font-semibold">
          Purchases
        </h2>
        {data.purchases.length === 0 ? (
          <p className="mt-2 text-muted">
            No courses bought yet.{" "}
            <ButtonLink href="/courses" variant="secondary" size="sm">
              Browse courses
            </ButtonLink>
          </p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-muted">
              <tr>
                <th className="py-2">Course</th>
                <th>Date</th>
                <th>Amount</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {data.purchases.map((p) => (
                <tr key={p.id} className="border-t border-border">
                  <td className="py-2">
                    <Link href={`/courses/${encodeURIComponent(p.course_id)}`}>{p.course_title}</Link>
                  </td>
                  <td>{day(p.created_at)}</td>
                  <td>{formatMoney(p.amount, p.currency)}</td>
                  <td>{p.status === "refunded" ? "Refunded" : "Paid"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="invoices">
        <h2 id="invoices" className="font-display text-xl font-semibold">
          Premium receipts
        </h2>
        {data.invoices.length === 0 ? (
          <p className="mt-2 text-muted">No receipts yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-border text-sm">
            {data.invoices.map((i) => (
              <li key={i.id} className="flex justify-between py-2">
                <span>{day(i.created_at)}</span>
                <span>
                  {formatMoney(i.amount, i.currency)} · {i.status === "paid" ? "Paid" : "Payment failed"}
                  {i.hosted_url && (
                    <>
                      {" · "}
                      <a href={i.hosted_url} rel="noreferrer" target="_blank">
                        Receipt
                      </a>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
