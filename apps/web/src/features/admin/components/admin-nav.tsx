"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/users", label: "Users", exact: false },
  { href: "/admin/courses", label: "Courses", exact: false },
  { href: "/admin/payments", label: "Payments", exact: false },
  { href: "/admin/security-events", label: "Security events", exact: false },
  { href: "/admin/jobs", label: "Jobs", exact: false },
] as const;

/** The console's sections. On a phone the row scrolls sideways rather than wrapping into a second line. */
export function AdminNav() {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Admin console" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex w-max min-w-full gap-1 border-b border-border">
        {LINKS.map((link) => {
          const current = link.exact ? pathname === link.href : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-flex h-11 items-center whitespace-nowrap rounded-t-lg border-b-2 px-3 text-sm font-medium transition-colors sm:px-4 ${
                  current
                    ? "border-primary text-foreground"
                    : "border-transparent text-muted hover:border-border-strong hover:text-foreground"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
