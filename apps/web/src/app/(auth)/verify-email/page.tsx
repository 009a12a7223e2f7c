import type { Metadata } from "next";
import { VerifyEmail } from "@/features/account/components/verify-email";
import { firstParam, type SearchParams } from "../search-params";

// The token is in the address: keep it out of search engines and out of the Referer sent to other sites.
export const metadata: Metadata = { title: "Confirm your email", robots: { index: false }, referrer: "no-referrer" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstParam((await searchParams).token);
  return <VerifyEmail token={token} />;
}
