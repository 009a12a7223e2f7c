"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { errorText } from "@/lib/error-text";
import { checkoutTarget, startCheckout } from "../billing.api";
import { formatMoney, priceToMinor } from "../money";

/**
 * The two ways into a paid course: buy it once, or Premium (every paid course). Shown instead of a dead-end 402.
 * The price shown is the catalog's; the API charges its own copy of it, never a number from here.
 */
export function BuyOptions({ courseId, price, note }: { courseId: string; price: number; note?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function buy() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const { checkout_url } = await startCheckout({ kind: "course", course_id: courseId });
      const target = checkoutTarget(checkout_url);
      if ("internal" in target) router.push(target.internal);
      else window.location.assign(target.external);
    } catch (error) {
      setFailure(errorText(error, "We couldn't start the checkout. Please try again."));
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      {note && <p className="text-sm leading-relaxed text-muted">{note}</p>}
      <button
        type="button"
        onClick={buy}
        aria-disabled={busy || undefined}
        className={`${buttonClasses("primary")} w-full aria-disabled:opacity-70`}
      >
        {busy ? "Starting checkout…" : `Buy for ${formatMoney(priceToMinor(price))}`}
      </button>
      <ButtonLink href={`/pricing?course=${encodeURIComponent(courseId)}`} variant="secondary" className="w-full">
        Included with Premium
      </ButtonLink>
      {failure && (
        <p role="alert" className="rounded-xl bg-danger-soft px-4 py-3 text-sm leading-relaxed text-danger">
          {failure}
        </p>
      )}
    </div>
  );
}
