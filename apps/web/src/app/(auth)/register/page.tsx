import type { Metadata } from "next";
import { GuestOnly } from "@/features/account/components/guest-only";
import { RegisterView } from "@/features/account/components/register-view";
import { safeNextPath } from "@/features/account/safe-next";
import type { SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Create your account" };

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNextPath((await searchParams).next);
  return (
    <GuestOnly destination={next}>
      <RegisterView next={next} />
    </GuestOnly>
  );
}
