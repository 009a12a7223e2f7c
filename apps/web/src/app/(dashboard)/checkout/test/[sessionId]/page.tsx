import type { Metadata } from "next";
import { TestCheckout } from "@/features/billing/components/test-checkout";

export const metadata: Metadata = { title: "Test checkout", robots: { index: false } };

export default async function TestCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return (
    <div className="px-4 py-12 sm:px-6">
      <TestCheckout sessionId={sessionId} />
    </div>
  );
}
