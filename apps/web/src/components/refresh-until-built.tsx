"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Waits before each refresh: the first regeneration usually lands within a second of the first request. */
const DELAYS_MS = [750, 1_500, 3_000, 6_000, 12_000, 24_000];

/**
 * Rendered only by the placeholder a cached public page was built with (`next build` runs without the API). The
 * first visitor after a start gets that placeholder while their request makes Next regenerate the page from the
 * API in the background; this asks the server for the page again a few times, with growing pauses, so the visitor
 * sees the courses appear instead of skeletons that never fill in. It unmounts as soon as the real page arrives.
 */
export function RefreshUntilBuilt() {
  const router = useRouter();
  useEffect(() => {
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      const delay = DELAYS_MS[attempt++];
      if (delay === undefined) return;
      timer = setTimeout(() => {
        router.refresh();
        next();
      }, delay);
    };
    next();
    return () => clearTimeout(timer);
  }, [router]);
  return null;
}
