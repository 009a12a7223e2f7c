import type { ReactNode } from "react";
import { buttonClasses } from "@/components/button-link";
import { Bone, SectionError, SectionLoading } from "@/components/ui/section";
import { errorText } from "@/lib/error-text";
import type { KeysetList } from "@/lib/use-keyset-list";
import { plural } from "../../admin-format";

/** Under a list: how much is shown, and "load more" while the API has more (with its own error and retry). */
function ListFooter({
  shown,
  noun,
  hasMore,
  loadingMore,
  moreError,
  onLoadMore,
}: {
  shown: string;
  noun: string;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  onLoadMore: () => void;
}) {
  return (
    <div className="mt-6 flex flex-col items-center gap-3 text-center text-sm text-muted">
      <p aria-live="polite">{hasMore ? `Showing the newest ${shown}.` : `${shown} in all.`}</p>
      {moreError ? (
        <p role="alert" className="text-danger">
          We couldn't load more {noun}. {errorText(moreError)}
        </p>
      ) : null}
      {hasMore && (
        <button
          type="button"
          onClick={onLoadMore}
          disabled={loadingMore}
          aria-busy={loadingMore || undefined}
          className={`${buttonClasses("secondary")} disabled:opacity-60`}
        >
          {loadingMore ? "Loading…" : moreError ? "Try again" : `Load more ${noun}`}
        </button>
      )}
    </div>
  );
}

/**
 * A keyset list in each of its states: placeholder cards while the first page loads, the failure with a retry,
 * `empty` when there is nothing, else the items and the footer with "load more".
 */
export function KeysetListStates<T>({
  list,
  label,
  one,
  loadingLabel,
  boneClassName,
  what,
  empty,
  children,
}: {
  list: KeysetList<T>;
  /** The list's name, such as "Courses". */
  label: string;
  /** One item in words, such as "course": "1 course", "20 courses", "Load more courses". */
  one: string;
  loadingLabel: string;
  /** The placeholder cards' height, near an item's. */
  boneClassName: string;
  /** What failed to load: "We couldn't load {what}." */
  what: string;
  empty: ReactNode;
  children: (item: T) => ReactNode;
}) {
  if (list.status === "loading") {
    return (
      <SectionLoading label={loadingLabel}>
        <div className="space-y-3">
          {[0, 1, 2, 3].map((n) => (
            <Bone key={n} className={`${boneClassName} rounded-card`} />
          ))}
        </div>
      </SectionLoading>
    );
  }
  if (list.status === "error") return <SectionError what={what} error={list.error} onRetry={list.retry} />;
  if (list.items.length === 0) return empty;
  return (
    <>
      <ul aria-label={label} className="space-y-3">
        {list.items.map(children)}
      </ul>
      <ListFooter
        shown={plural(list.items.length, one)}
        noun={`${one}s`}
        hasMore={list.hasMore}
        loadingMore={list.loadingMore}
        moreError={list.moreError}
        onLoadMore={list.loadMore}
      />
    </>
  );
}
