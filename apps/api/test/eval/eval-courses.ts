/** Two courses written for the evaluation only: never seeded in the demo, so nothing was tuned on them. */
export interface EvalLesson {
  title: string;
  kind: "video" | "text";
  /** Cue texts, 8 seconds each (video), or the markdown (text). */
  cues?: string[];
  markdown?: string;
}
export interface EvalCourse {
  title: string;
  description: string;
  lessons: EvalLesson[];
}

export const EVAL_COURSES: EvalCourse[] = [
  {
    title: "Coffee Brewing at Home",
    description: "Brew better coffee with a kettle, a scale and a little chemistry.",
    lessons: [
      {
        title: "Extraction: sour, bitter and sweet",
        kind: "video",
        cues: [
          "Welcome. Today we look at why the same beans can taste sour one morning and bitter the next.",
          "Extraction is the process of dissolving flavour compounds from the ground coffee into the water.",
          "Acids dissolve first, then sugars, and the heavier bitter compounds dissolve last.",
          "Sour coffee is under-extracted: the water left before the sugars could balance the acids.",
          "Bitter, dry coffee is over-extracted: the water kept pulling harsh compounds after the sweet ones.",
          "Water temperature matters. Brew with water between ninety and ninety-six degrees Celsius.",
          "Cooler water extracts slowly, so coffee brewed with it often tastes thin and sour.",
          "Grind size is the other big lever. A finer grind exposes more surface to the water, so it extracts faster.",
          "A coarser grind exposes less surface, so it extracts more slowly and suits long brews like the French press.",
          "So if your cup is sour, grind finer or use hotter water. If it is bitter, grind coarser.",
        ],
      },
      {
        title: "Brew ratio and weighing",
        kind: "text",
        markdown: `# The brew ratio

The brew ratio is how much coffee you use for a given amount of water. A good starting point is one gram of coffee for every sixteen grams of water, which is a ratio of 1:16.

A stronger cup uses more coffee for the same water, for example 1:14. A lighter cup uses less, such as 1:17.

# Weighing

Use a kitchen scale rather than scoops. Beans differ in size and density, so scoops hold different amounts from one bag to the next, while a scale measures the same dose every time.

Weigh the water too: one millilitre of water weighs one gram, so the scale can measure both.`,
      },
    ],
  },
  {
    title: "Bicycle Care Basics",
    description: "Keep a bike running smoothly: the chain, the tyres and the checks before a ride.",
    lessons: [
      {
        title: "Cleaning and oiling the chain",
        kind: "video",
        cues: [
          "The chain does more work than any other part of the bike, and it is the part most riders neglect.",
          "A dirty chain wears out the cassette and the chainrings, which cost far more to replace.",
          "Clean the chain with a rag and a little degreaser, turning the pedals backwards as you wipe.",
          "Then apply one drop of lube to each roller, on the inside of the chain.",
          "Wait a few minutes, then wipe the outside of the chain with a clean rag. Excess lube attracts dirt and grit.",
          "Lube the chain every two hundred kilometres, or after every ride in the rain.",
          "Chains wear by stretching: the pins and rollers wear, so the chain gets longer.",
          "Measure the stretch with a chain checker. At half a percent of stretch, replace the chain.",
          "A new chain is cheap. Replacing it on time saves the cassette and the chainrings.",
        ],
      },
      {
        title: "Tyres, pressure and punctures",
        kind: "text",
        markdown: `# Tyre pressure

The right pressure range is printed on the sidewall of the tyre. Heavier riders should stay near the top of the range, lighter riders nearer the bottom. Check the pressure every week with a pump that has a gauge.

# Pinch flats

A pinch flat happens when the tyre is so soft that a bump squeezes the inner tube against the rim. It leaves two small parallel holes, often called a snakebite. Keeping the pressure up prevents most pinch flats.

# Finding a puncture

Pump some air into the tube and hold it under water in a bowl of water. A stream of bubbles shows where the hole is. Before fitting a new tube, run your fingers around the inside of the tyre to find the thorn or glass that caused the puncture.`,
      },
    ],
  },
];

/** Cue texts as WebVTT, one cue every 8 seconds. */
export function toVtt(cues: string[]): string {
  const t = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.000`;
  return `WEBVTT\n\n${cues.map((text, i) => `${t(i * 8)} --> ${t(i * 8 + 8)}\n${text}`).join("\n\n")}\n`;
}
