import Link from "next/link";
import { AccountNav } from "./account-nav";
import { ThemeToggle } from "./theme-toggle";
import { Wordmark } from "./wordmark";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-border/80 bg-background/85 backdrop-blur-md supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-16 max-w-page items-center justify-between gap-2 px-4 sm:gap-4 sm:px-6 lg:px-8">
        <Link href="/" aria-label="Lumen, home" className="shrink-0 rounded-lg">
          {/* On the narrowest phones the mark alone leaves room for the guest's log in and sign up. */}
          <Wordmark nameClassName="max-[27.5rem]:hidden" />
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-1 sm:gap-2">
            <li>
              <Link
                href="/courses"
                className="rounded-full px-2.5 py-2 text-sm font-medium text-muted transition-colors hover:text-foreground sm:px-3.5"
              >
                Catalog
              </Link>
            </li>
            {/* Narrow phones keep the catalog and the account links up here; Pricing and the theme move to the footer. */}
            <li className="max-[27.5rem]:hidden">
              <Link
                href="/pricing"
                className="rounded-full px-2.5 py-2 text-sm font-medium text-muted transition-colors hover:text-foreground sm:px-3.5"
              >
                Pricing
              </Link>
            </li>
            <li className="max-[27.5rem]:hidden">
              <ThemeToggle />
            </li>
            <AccountNav />
          </ul>
        </nav>
      </div>
    </header>
  );
}
