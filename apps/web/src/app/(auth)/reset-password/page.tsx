import type { Metadata } from "next";
import { ResetPasswordForm } from "@/features/account/components/reset-password-form";
import { firstParam, type SearchParams } from "../search-params";

// The token is in the address: keep it out of search engines and out of the Referer sent to other sites.
export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstParam((await searchParams).token);
  return <ResetPasswordForm token={token} />;
}
