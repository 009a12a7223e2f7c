import type { Metadata } from "next";
import { parseUserFilters } from "@/features/admin/admin-params";
import { UsersView } from "@/features/admin/components/users/users-view";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  return <UsersView filters={parseUserFilters(await searchParams)} />;
}
