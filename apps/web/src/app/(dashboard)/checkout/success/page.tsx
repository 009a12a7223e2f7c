import type { Metadata } from "next";
import { StatusPanel } from "@/components/status-panel";
import { CheckoutSuccess } from "@/features/billing/components/checkout-result";

export const metadata: Metadata = { title: "Payment", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CheckoutSuccessPage({ searchParams }: { searchParams: SearchParams }) {
  const id = (await searchParams).session_id;
  return (
    <div className="px-4 py-16 sm:px-6">
      {typeof id === "string" && id ? (
        <CheckoutSuccess sessionId={id} />
      ) : (
        <StatusPanel headingLevel={1} title="No checkout to confirm">
          This link is missing its checkout. Your purchases are listed under Account → Billing.
        </StatusPanel>
      )}
    </div>
  );
}
