"use client";

import { useEffect, useState } from "react";
import { listCategories } from "./studio.api";

/** The catalog's categories, as suggestions for a course's category (none if they can't be loaded). */
export function useCategories(): string[] {
  const [categories, setCategories] = useState<string[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    listCategories(controller.signal).then(
      (names) => {
        if (!controller.signal.aborted) setCategories(names);
      },
      // Only suggestions: the field works without them.
      () => {},
    );
    return () => controller.abort();
  }, []);
  return categories;
}
