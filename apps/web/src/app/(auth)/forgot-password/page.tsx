import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/features/account/components/forgot-password-form";
import { firstParam, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Reset your password" };

/** `?email=` (carried over from the login form) fills the field in; anything longer than an address is ignored. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const email = firstParam((await searchParams).email);
  return <ForgotPasswordForm initialEmail={email && email.length <= 254 ? email : undefined} />;
}
