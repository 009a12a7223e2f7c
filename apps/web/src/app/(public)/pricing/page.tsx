import type { Metadata } from "next";
import { PricingPlans } from "@/features/billing/components/pricing-plans";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Lumen is free to start. Premium opens every paid course, monthly or yearly.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PricingPage({ searchParams }: { searchParams: SearchParams }) {
  const course = (await searchParams).course;
  return <PricingPlans courseId={typeof course === "string" ? course : null} />;
}
