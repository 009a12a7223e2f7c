import type { ReactNode } from "react";
import { RequireSession } from "@/components/require-session";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

// The admin console (/admin…): admins only. Every API call it makes checks the role again.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <RequireSession roles={["admin"]} denied="The admin console is for administrators only.">
      {children}
    </RequireSession>
  );
}
