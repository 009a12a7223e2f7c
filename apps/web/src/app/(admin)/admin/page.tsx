import type { Metadata } from "next";
import { parseOverviewDays } from "@/features/admin/admin-params";
import { OverviewView } from "@/features/admin/components/overview/overview-view";

// The admin layout's title template applies to the segments below it, not to this page beside it.
export const metadata: Metadata = { title: { absolute: "Overview · Admin · Lumen" } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  return <OverviewView days={parseOverviewDays(await searchParams)} />;
}
