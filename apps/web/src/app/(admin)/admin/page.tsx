import type { Metadata } from "next";
import { parseOverviewDays } from "@/features/admin/admin-params";
import { OverviewView } from "@/features/admin/components/overview/overview-view";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  return <OverviewView days={parseOverviewDays(await searchParams)} />;
}
