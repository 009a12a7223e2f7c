import type { CourseSummary } from "@lumen/contracts";

/** "1 h 20 min", "45 min", "2 h"; anything under a minute (but not zero) reads "1 min". */
export function formatDuration(totalSeconds: number): string {
  const minutes = totalSeconds > 0 ? Math.max(1, Math.round(totalSeconds / 60)) : 0;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const priceFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const wholePriceFormat = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

/** "Free" for free courses (or a zero price); "$49" / "$19.99" otherwise. Prices are in US dollars. */
export function formatPrice(pricing: CourseSummary["pricing"]): string {
  if (pricing.is_free || pricing.price <= 0) return "Free";
  return Number.isInteger(pricing.price) ? wholePriceFormat.format(pricing.price) : priceFormat.format(pricing.price);
}

export function formatLevel(level: CourseSummary["level"]): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}

export function formatLessonCount(count: number): string {
  return `${count} ${count === 1 ? "lesson" : "lessons"}`;
}

/** Rating to show on a card, or null while nobody has rated the course. */
export function formatRating(stats: Pick<CourseSummary["stats"], "rating_avg" | "rating_count">): {
  value: string;
  count: string;
  label: string;
} | null {
  if (stats.rating_count <= 0) return null;
  const value = (Math.round(stats.rating_avg * 10) / 10).toFixed(1);
  const count = new Intl.NumberFormat("en-US").format(stats.rating_count);
  const noun = stats.rating_count === 1 ? "rating" : "ratings";
  return { value, count, label: `Rated ${value} out of 5 from ${count} ${noun}` };
}

/** Categories may arrive as slugs ("data-science"); show them as words ("Data science"). */
export function formatCategory(category: string): string {
  const words = category.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
