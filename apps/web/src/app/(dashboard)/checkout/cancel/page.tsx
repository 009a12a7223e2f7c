import type { Metadata } from "next";
import { CheckoutCancelled } from "@/features/billing/components/checkout-result";

export const metadata: Metadata = { title: "Checkout cancelled", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CheckoutCancelPage({ searchParams }: { searchParams: SearchParams }) {
  const id = (await searchParams).session_id;
  return (
    <div className="px-4 py-16 sm:px-6">
      <CheckoutCancelled sessionId={typeof id === "string" && id ? id : null} />
    </div>
  );
}
