import type { Metadata } from "next";
import { parseEventFilters } from "@/features/admin/admin-params";
import { EventsView } from "@/features/admin/components/events/events-view";

export const metadata: Metadata = { title: "Security events" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminSecurityEventsPage({ searchParams }: { searchParams: SearchParams }) {
  return <EventsView filters={parseEventFilters(await searchParams)} />;
}
