/**
 * The kinds of things each evaluation-only course talks about, written by hand from reading the courses in
 * eval-courses.ts before the quiz generator was tuned. `npm run eval:quiz` checks each distractor of a term answer
 * against these: a wrong option must be of the same category as the right one ("sugars" for "acids", never
 * "kettle"). Terms are matched lower-cased, singular or plural, with or without a leading article.
 */
export const TERM_CATEGORIES: Record<string, Record<string, string[]>> = {
  "Coffee Brewing at Home": {
    "flavour compound": ["acids", "sugars", "bitter compounds", "harsh compounds", "flavour compounds"],
    taste: ["sour", "bitter", "sweet", "thin", "dry"],
    "brewing variable": ["water temperature", "grind size", "brew ratio", "temperature", "dose"],
    grind: ["finer grind", "coarser grind", "fine grind", "coarse grind"],
    equipment: ["kitchen scale", "scale", "scoops", "kettle", "French press"],
    "extraction state": ["under-extracted", "over-extracted"],
    "unit of measure": ["gram", "millilitre", "degrees Celsius"],
    ingredient: ["beans", "ground coffee", "water", "coffee", "coffee beans"],
    ratio: ["1:16", "1:14", "1:17"],
    cup: ["stronger cup", "lighter cup", "cup"],
    process: ["extraction", "dissolving", "weighing", "brewing"],
  },
  "Bicycle Care Basics": {
    "drivetrain part": ["chain", "cassette", "chainrings", "pedals", "rollers", "pins", "roller"],
    "cleaning supply": ["rag", "degreaser", "lube", "clean rag"],
    tool: ["chain checker", "pump", "gauge", "bowl of water", "bowl"],
    "wheel part": ["tyre", "inner tube", "tube", "rim", "sidewall", "valve"],
    debris: ["thorn", "glass", "dirt", "grit"],
    "tyre damage": ["pinch flat", "snakebite", "puncture", "hole", "parallel holes", "flat"],
    rider: ["heavier riders", "lighter riders", "riders"],
    measure: ["pressure", "stretch", "kilometres", "percent", "tyre pressure", "pressure range"],
    "wear part": ["new chain", "new tube"],
  },
};

/** The category of a term in a course's map, or undefined when the map doesn't name it. */
export function categoryOf(course: string, term: string): string | undefined {
  const map = TERM_CATEGORIES[course];
  if (!map) return undefined;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/^(the|a|an)\s+/, "")
      .replace(/(?<=[a-z]{3})(es|s)$/, "")
      .trim();
  const wanted = norm(term);
  for (const [category, terms] of Object.entries(map)) if (terms.some((t) => norm(t) === wanted)) return category;
  // A listed term with extra modifiers is still that kind of thing ("the heavier bitter compounds").
  for (const [category, terms] of Object.entries(map))
    if (terms.some((t) => norm(t).includes(" ") && wanted.endsWith(` ${norm(t)}`))) return category;
  return undefined;
}
