import Link from "next/link";
import { FooterLinks } from "./footer-links";
import { ThemeToggle } from "./theme-toggle";
import { Wordmark } from "./wordmark";

/** The site's reading pages, the same for everyone. */
const COMPANY_LINKS = [
  { href: "/about", label: "About" },
  { href: "/help", label: "Help and contact" },
  { href: "/terms", label: "Terms" },
  { href: "/privacy", label: "Privacy" },
];

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-border bg-surface">
      <div className="mx-auto flex max-w-page flex-col gap-8 px-4 py-12 sm:px-6 md:flex-row md:items-start md:justify-between lg:px-8">
        <div className="max-w-sm">
          <Wordmark />
          <p className="mt-4 text-sm leading-relaxed text-muted">
            Video courses with an AI tutor that answers from the lesson itself and shows you the exact moment it comes
            from.
          </p>
        </div>
        <nav aria-label="Footer" className="flex flex-col gap-4">
          <FooterLinks />
          <ul className="flex flex-wrap gap-x-6 gap-y-3 text-sm">
            {COMPANY_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-muted transition-colors hover:text-foreground">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="border-t border-border">
        <div className="mx-auto flex max-w-page items-center justify-between gap-4 px-4 py-4 sm:px-6 sm:py-6 lg:px-8">
          <p className="text-xs text-muted">© {new Date().getFullYear()} Lumen. Learn at your own pace.</p>
          {/* The header has no room for it on the narrowest phones. */}
          <div className="min-[27.5rem]:hidden">
            <ThemeToggle />
          </div>
        </div>
      </div>
    </footer>
  );
}
