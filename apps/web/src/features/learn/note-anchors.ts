import { buttonClasses } from "@/components/button-link";

/** A small button that is still a 44 px touch target on a phone. */
export const touchButton = (variant: "primary" | "secondary" | "ghost") =>
  `${buttonClasses(variant, "sm")} max-sm:h-11`;

/** How far below the window's top a paragraph must reach to count as being read (the sticky header covers less). */
const READING_LINE_PX = 96;

/** The numbered paragraph being read: the first one that reaches below the reading line; 0 without any. */
export function paragraphInView(root: ParentNode = document): number {
  for (const paragraph of root.querySelectorAll<HTMLElement>("[data-paragraph]")) {
    if (paragraph.getBoundingClientRect().bottom > READING_LINE_PX) return Number(paragraph.dataset.paragraph ?? 0);
  }
  return 0;
}

/** Scrolls to paragraph `n` of the lesson's text and moves focus there; false when there is no such paragraph. */
export function revealParagraph(n: number): boolean {
  const paragraph = document.getElementById(`p-${n}`);
  if (!paragraph) return false;
  const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  paragraph.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
  paragraph.focus({ preventScroll: true });
  return true;
}

/** Scrolls the page to the video when it isn't wholly on screen (a phone's tutor and notes sit far below it). */
export function revealVideo(video: HTMLElement): void {
  const box = video.getBoundingClientRect();
  if (box.top >= 0 && box.bottom <= window.innerHeight) return;
  const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  video.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
}
