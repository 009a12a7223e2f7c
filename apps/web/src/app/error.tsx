"use client";

import { useEffect } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;

  return (
    <div className="mx-auto max-w-page px-4 py-20 sm:px-6 sm:py-28 lg:px-8">
      <StatusPanel
        tone="danger"
        role="alert"
        headingLevel={1}
        title="Something went wrong on our side"
        actions={
          <>
            <button type="button" onClick={() => retry()} className={buttonClasses("primary")}>
              Try again
            </button>
            <ButtonLink href="/" variant="secondary">
              Back to home
            </ButtonLink>
          </>
        }
      >
        <p>This page didn't load. Your progress is safe; trying again usually fixes it.</p>
        {digest && <p className="mt-3 font-mono text-xs">Reference: {digest}</p>}
      </StatusPanel>
    </div>
  );
}
