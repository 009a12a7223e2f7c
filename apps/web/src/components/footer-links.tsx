"use client";

import Link from "next/link";
import { useSession } from "@/features/auth/session";

const LINK = "text-muted transition-colors hover:text-foreground";

/** The footer's links: the catalog for everyone, then the account links that fit who is looking. */
export function FooterLinks() {
  const status = useSession((s) => s.status);
  const role = useSession((s) => s.user?.role);
  const links =
    status === "authenticated"
      ? [
          { href: "/courses", label: "Catalog" },
          { href: "/pricing", label: "Pricing" },
          { href: "/dashboard", label: "My learning" },
          ...(role === "creator" || role === "admin" ? [{ href: "/studio", label: "Creator studio" }] : []),
        ]
      : [
          { href: "/courses", label: "Catalog" },
          { href: "/pricing", label: "Pricing" },
          { href: "/login", label: "Log in" },
          { href: "/register", label: "Sign up" },
        ];
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-3 text-sm">
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className={LINK}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
