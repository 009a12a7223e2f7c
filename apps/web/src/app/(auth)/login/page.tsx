import type { Metadata } from "next";
import { RESET_DONE } from "@/features/account/account-routes";
import { GuestOnly } from "@/features/account/components/guest-only";
import { LoginForm } from "@/features/account/components/login-form";
import { safeNextPath } from "@/features/account/safe-next";
import { firstParam, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Log in" };

const RESET_NOTE = "Your password has been changed. Log in with your new password.";

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const notice = firstParam(params[RESET_DONE.param]) === RESET_DONE.value ? RESET_NOTE : undefined;
  return (
    <GuestOnly destination={next}>
      <LoginForm next={next} notice={notice} />
    </GuestOnly>
  );
}
