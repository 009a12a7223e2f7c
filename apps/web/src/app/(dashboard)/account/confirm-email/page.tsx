import type { Metadata } from "next";
import { ConfirmEmailChange } from "@/features/account/settings/confirm-email-change";
import { firstParam, type SearchParams } from "../../../(auth)/search-params";

// The token is in the address: keep it out of search engines and out of the Referer sent to other sites.
export const metadata: Metadata = {
  title: "Confirm your new email",
  robots: { index: false },
  referrer: "no-referrer",
};

export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstParam((await searchParams).token);
  return <ConfirmEmailChange token={token} />;
}
