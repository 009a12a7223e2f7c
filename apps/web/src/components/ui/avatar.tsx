import { apiMediaUrl } from "@/lib/api-client";

/** Up to two initials for the avatar placeholder ("Ada Lovelace" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}

const SIZES = {
  sm: { box: "size-9 text-sm", px: 36 },
  md: { box: "size-16 text-xl", px: 64 },
  lg: { box: "size-24 text-3xl font-display", px: 96 },
} as const;

/**
 * Someone's picture, or their initials when they have none. Decorative (`alt=""`): the name is always written
 * next to it or given to the control that holds it.
 */
export function Avatar({
  name,
  url,
  size = "sm",
}: {
  name: string;
  url: string | null | undefined;
  size?: keyof typeof SIZES;
}) {
  const { box, px } = SIZES[size];
  const src = apiMediaUrl(url);
  if (src) {
    return (
      // biome-ignore lint/performance/noImgElement: a small avatar from the media gateway, no optimisation needed
      <img src={src} alt="" width={px} height={px} className={`${box} shrink-0 rounded-full object-cover`} />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${box} grid shrink-0 place-items-center rounded-full bg-primary/15 font-semibold text-primary`}
    >
      {initials(name) || "?"}
    </span>
  );
}
