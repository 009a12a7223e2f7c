import type { ReactNode } from "react";
import { RequireSession } from "@/components/require-session";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

// The creator studio (/studio…): creators and admins. Every API call it makes checks the role again.
export default function CreatorLayout({ children }: { children: ReactNode }) {
  return (
    <RequireSession
      roles={["creator", "admin"]}
      denied="The creator studio is for creators and admins. Ask an admin to make your account a creator account."
    >
      {children}
    </RequireSession>
  );
}
