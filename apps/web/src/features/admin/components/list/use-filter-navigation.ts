"use client";

import { useRouter } from "next/navigation";

/**
 * Moves a list to other filters through the URL, which is where its filters live (back and forward work, a link
 * shares them). "replace" for search as you type, so every pause doesn't leave a history entry.
 */
export function useFilterNavigation<F>(href: (filters: F) => string) {
  const router = useRouter();
  return (next: F, mode: "push" | "replace" = "push") => router[mode](href(next), { scroll: false });
}
