"use client";

import type { AdminPayment } from "@lumen/contracts";
import { useEffect, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { errorText } from "@/lib/error-text";
import { useResource } from "@/lib/use-resource";
import { getSubscriptionStats, listPayments, type PaymentFilters, refundPayment } from "../billing.api";
import { formatMoney } from "../money";

function RefundButton({ payment, onDone }: { payment: AdminPayment; onDone: (p: AdminPayment) => void }) {
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (payment.status === "refunded") return <span className="text-muted">Refunded</span>;
  if (payment.refund_pending) return <span className="text-muted">Refund pending</span>;
  async function refund() {
    setBusy(true);
    setFailure(null);
    try {
      const r = await refundPayment(payment.id);
      onDone({ ...payment, status: r.status, refund_pending: r.refund_pending });
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span>Paid</span>
      {armed ? (
        <button
          type="button"
          className={buttonClasses("primary", "sm")}
          onClick={refund}
          aria-disabled={busy || undefined}
        >
          {busy ? "Refunding…" : `Confirm refund of ${formatMoney(payment.amount, payment.currency)}`}
        </button>
      ) : (
        <button type="button" className={buttonClasses("secondary", "sm")} onClick={() => setArmed(true)}>
          Refund
        </button>
      )}
      {failure && (
        <span role="alert" className="text-sm text-danger">
          {failure}
        </span>
      )}
    </span>
  );
}

/** Admin console → Payments: subscription counts and MRR, course purchases with filters, refunds. */
export function AdminPaymentsView() {
  const [filters, setFilters] = useState<PaymentFilters>({});
  const [email, setEmail] = useState("");
  const [items, setItems] = useState<AdminPayment[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const stats = useResource("subscription-stats", (signal) => getSubscriptionStats(signal));
  const key = JSON.stringify(filters);
  const page = useResource(`payments:${key}`, (signal) => listPayments(filters, null, signal));

  // The loaded page (a stable object per load) seeds the list; refunds and "Load more" then edit it locally.
  const loaded = page.status === "ready" ? page.data : null;
  useEffect(() => {
    if (loaded) {
      setItems(loaded.items);
      setCursor(loaded.next_cursor);
    }
  }, [loaded]);

  async function more() {
    if (!cursor) return;
    const next = await listPayments(filters, cursor);
    setItems((prev) => [...prev, ...next.items]);
    setCursor(next.next_cursor);
  }

  const s = stats.status === "ready" ? stats.data : null;
  const tiles = s
    ? [
        ["Active", s.active],
        ["Trialing", s.trialing],
        ["Past due", s.past_due],
        ["Ending at period end", s.canceling],
        ["Monthly / yearly", `${s.monthly} / ${s.yearly}`],
        ["MRR", formatMoney(s.mrr, s.currency)],
      ]
    : [];

  return (
    <div className="space-y-8">
      <AdminPageHeader
        title="Payments"
        description="Premium subscriptions and course purchases. A refund closes the course for the learner (their progress is kept); with Stripe it completes when Stripe confirms it."
      />
      <section aria-label="Subscriptions">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {tiles.map(([label, value]) => (
            <div key={label} className="rounded-card border border-border bg-surface p-4">
              <dt className="text-xs text-muted">{label}</dt>
              <dd className="mt-1 font-display text-xl font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters((f) => ({ ...f, user_email: email.trim() || undefined }));
        }}
      >
        <label className="text-sm">
          <span className="block text-muted">Status</span>
          <select
            className="mt-1 rounded-xl border border-border bg-background px-3 py-2"
            value={filters.status ?? ""}
            onChange={(e) =>
              setFilters((f) => ({ ...f, status: (e.target.value || undefined) as PaymentFilters["status"] }))
            }
          >
            <option value="">All</option>
            <option value="paid">Paid</option>
            <option value="refunded">Refunded</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-muted">Learner's email</span>
          <input
            type="search"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="mt-1 rounded-xl border border-border bg-background px-3 py-2"
          />
        </label>
        <button type="submit" className={buttonClasses("secondary", "sm")}>
          Filter
        </button>
      </form>
      {page.status === "error" ? (
        <p role="alert" className="text-danger">
          {errorText(page.error)}
        </p>
      ) : items.length === 0 && page.status === "ready" ? (
        <p className="text-muted">No payments match.</p>
      ) : (
        // Five columns don't fit a phone: the table scrolls inside its own box, never the page.
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="text-muted">
              <tr>
                <th className="py-2">Date</th>
                <th>Learner</th>
                <th>Course</th>
                <th>Amount</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} className="border-t border-border">
                  <td className="py-2">{p.created_at.slice(0, 10)}</td>
                  <td>{p.user_email}</td>
                  <td>{p.course_title}</td>
                  <td>{formatMoney(p.amount, p.currency)}</td>
                  <td>
                    <RefundButton
                      payment={p}
                      onDone={(next) => setItems((all) => all.map((x) => (x.id === next.id ? next : x)))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className={buttonClasses("secondary", "sm")} onClick={more}>
          Load more
        </button>
      )}
    </div>
  );
}
