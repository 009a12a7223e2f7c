import type { Metadata } from "next";
import { formatCategory, formatLevel } from "@/features/courses/course-format";
import { absoluteUrl, siteOrigin } from "@/features/courses/site-origin";
import { type CatalogState, catalogCanonicalHref, PRICE_LABELS } from "./catalog-params";

const DESCRIPTION =
  "Browse Lumen's video courses by topic, level and price. Every lesson comes with an AI tutor that answers from the course and shows you the exact moment in the video.";

/** "Free beginner Programming courses", "Courses matching “sql”", or null for the whole catalog. */
export function viewTitle(state: CatalogState): string | null {
  if (state.q) return `Courses matching “${state.q}”`;
  const words: string[] = [];
  if (state.price) words.push(PRICE_LABELS[state.price].toLowerCase());
  if (state.level) words.push(formatLevel(state.level).toLowerCase());
  if (state.category) words.push(formatCategory(state.category));
  if (words.length === 0) return null;
  const text = `${words.join(" ")} courses`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Title, canonical URL and social cards of a catalog view. */
export function catalogMetadata(state: CatalogState): Metadata {
  const title = viewTitle(state) ?? "Course catalog";
  const origin = siteOrigin();
  const url = absoluteUrl(origin, catalogCanonicalHref({ ...state, cursor: null, prev: [] }));
  return {
    title,
    description: DESCRIPTION,
    alternates: { canonical: url },
    // Search results and later pages are not pages of their own for search engines.
    robots: state.q || state.cursor ? { index: false, follow: true } : undefined,
    openGraph: {
      type: "website",
      siteName: "Lumen",
      title: `${title} · Lumen`,
      description: DESCRIPTION,
      url,
      locale: "en_US",
    },
    twitter: { card: "summary", title: `${title} · Lumen`, description: DESCRIPTION },
  };
}
