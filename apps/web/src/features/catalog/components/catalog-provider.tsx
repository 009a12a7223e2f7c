"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useOptimistic, useTransition } from "react";
import { type CatalogFilterChanges, type CatalogState, catalogHref, withCatalogChanges } from "../catalog-params";

interface CatalogContextValue {
  /** The view being shown, or the one being navigated to (so a control reflects a click at once). */
  state: CatalogState;
  /** A new search, filter or order: back to page 1, one history entry. */
  change: (changes: CatalogFilterChanges) => void;
  isPending: boolean;
}

const CatalogContext = createContext<CatalogContextValue | null>(null);

/** Shares the catalog's URL state between the search field, the filters and the sort menu. */
export function CatalogProvider({ state, children }: { state: CatalogState; children: ReactNode }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [optimistic, setOptimistic] = useOptimistic(state);

  const change = useCallback(
    (changes: CatalogFilterChanges) => {
      // Built on the optimistic view, so quick successive changes add up instead of overwriting each other.
      const next = withCatalogChanges(optimistic, changes);
      startTransition(() => {
        setOptimistic(next);
        router.push(catalogHref(next), { scroll: false });
      });
    },
    [optimistic, router, setOptimistic],
  );

  const value = useMemo(() => ({ state: optimistic, change, isPending }), [optimistic, change, isPending]);
  return <CatalogContext value={value}>{children}</CatalogContext>;
}

export function useCatalog(): CatalogContextValue {
  const value = useContext(CatalogContext);
  if (!value) throw new Error("useCatalog must be used inside <CatalogProvider>");
  return value;
}
