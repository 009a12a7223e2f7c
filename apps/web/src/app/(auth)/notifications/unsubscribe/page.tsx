import type { Metadata } from "next";
import { Unsubscribe } from "@/features/notifications/unsubscribe";
import { firstParam, type SearchParams } from "../../search-params";

// The token is in the address: keep it out of search engines and out of the Referer sent to other sites.
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "no-referrer" };

export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  return <Unsubscribe token={firstParam((await searchParams).token)} />;
}
