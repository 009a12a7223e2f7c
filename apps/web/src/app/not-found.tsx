import type { Metadata } from "next";
import { ButtonLink } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-page px-4 py-20 sm:px-6 sm:py-28 lg:px-8">
      <p className="mb-6 text-center font-display text-7xl font-semibold tracking-tight text-primary/80">404</p>
      <StatusPanel
        headingLevel={1}
        title="We couldn't find that page"
        actions={
          <>
            <ButtonLink href="/">Back to home</ButtonLink>
            <ButtonLink href="/courses" variant="secondary">
              Browse the catalog
            </ButtonLink>
          </>
        }
      >
        The link may be out of date, or the page may have moved. The catalog is a good place to pick up again.
      </StatusPanel>
    </div>
  );
}
