"use client";

import { ButtonLink, buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import { Bone, SectionLoading } from "@/components/ui/section";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { studioHref } from "../studio-format";

/** A studio page that couldn't load: missing (or not the caller's), or failed with a retry. */
export function StudioLoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const missing = isApiError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN");
  return (
    <div className="px-4 py-16 sm:px-6">
      <StatusPanel
        tone={missing ? "neutral" : "danger"}
        role="alert"
        headingLevel={1}
        title={missing ? `We couldn't find this ${what}` : `We couldn't load this ${what}`}
        actions={
          <>
            {!missing && (
              <button type="button" onClick={onRetry} className={buttonClasses("primary")}>
                Try again
              </button>
            )}
            <ButtonLink href={studioHref()} variant={missing ? "primary" : "secondary"}>
              Back to my courses
            </ButtonLink>
          </>
        }
      >
        {missing ? `It may have been deleted, or it belongs to another creator.` : errorText(error)}
      </StatusPanel>
    </div>
  );
}

/** Placeholder shapes while an editor loads, announced in words. */
export function EditorSkeleton({ label }: { label: string }) {
  return (
    <div className="mx-auto max-w-page px-4 py-10 sm:px-6 lg:px-8">
      <SectionLoading label={label}>
        <Bone className="h-4 w-40" />
        <Bone className="mt-3 h-9 w-2/3 rounded-xl" />
        <div className="mt-8 grid gap-6 lg:grid-cols-3">
          <Bone className="h-96 rounded-card lg:col-span-2" />
          <Bone className="h-64 rounded-card" />
        </div>
      </SectionLoading>
    </div>
  );
}
