import type { DemoCourse } from "../types.js";

export const course: DemoCourse = {
  slug: "photosynthesis-essentials",
  title: "Photosynthesis Essentials",
  subtitle: "How plants turn sunlight, water and air into sugar and oxygen",
  description: `Photosynthesis is the process that feeds almost every living thing on Earth and fills the air with oxygen. In this short course you will follow it step by step: from a photon striking a chlorophyll molecule, through the splitting of water, to the **Calvin cycle**, where carbon dioxide from the air is built into sugar.

The course is written for complete beginners: secondary-school students, adult learners returning to science, and anyone who wants to finally understand the equation they memorised at school. Every idea is tied to a concrete example, such as van Helmont's willow tree, the balancing of the overall equation, or the ATP bookkeeping of the Calvin cycle.

By the end you will be able to explain where a plant's mass comes from, what happens in each stage of photosynthesis, why plants grow faster in a warm greenhouse full of extra carbon dioxide, and how maize and cacti have evolved clever variations on the basic process.`,
  category: "Science",
  level: "beginner",
  pricing: { is_free: true, price: 0 },
  tags: ["photosynthesis", "biology", "plants", "chloroplast", "calvin cycle"],
  outcomes: [
    "Write and balance the overall equation for photosynthesis and explain where each atom goes",
    "Describe the structure of a leaf and a chloroplast and say which stage happens where",
    "Explain how the light-dependent reactions split water and produce ATP, NADPH and oxygen",
    "Walk through the three phases of the Calvin cycle and its ATP and NADPH costs",
    "Predict how light, carbon dioxide and temperature limit the rate of photosynthesis",
    "Compare C3, C4 and CAM plants and explain why each strategy exists",
  ],
  creator: "ada",
  thumbnail_file: "photosynthesis-essentials.svg",
  modules: [
    {
      title: "What photosynthesis is",
      lessons: [
        {
          kind: "video",
          title: "Why photosynthesis matters",
          is_preview: true,
          duration_seconds: 261,
          video_file: "photosynthesis-why-it-matters.webm",
          transcript_file: "photosynthesis-why-it-matters.vtt",
          // The creator-analytics e2e spec asks its own question at 0:31 and reads it as the only one in 0:30–0:35,
          // and expects this video's most rewatched stretch within its first minute: keep both true here.
          learner_questions: [
            { at_seconds: 22, question: "How can the willow gain over 70 kg when the soil only lost 57 grams?" },
            { at_seconds: 45, question: "So is a tree really made mostly from air? How does a gas turn into wood?" },
            {
              at_seconds: 81,
              question: "Can you go through counting the oxygen atoms on each side of the equation again?",
            },
            { at_seconds: 96, question: "Where do the twelve extra oxygen atoms on the right come from?" },
            {
              at_seconds: 127,
              question: "If the oxygen comes from water, where does the oxygen in the carbon dioxide end up?",
            },
            {
              at_seconds: 182,
              question: "Do phytoplankton really make half of the world's oxygen, more than all the forests?",
            },
          ],
          rewatch_hotspots: [{ from_seconds: 38, to_seconds: 52 }],
          content_md: `**Key points**

- Overall equation: 6 CO₂ + 6 H₂O → C₆H₁₂O₆ + 6 O₂ (light energy is the input that makes it possible).
- Most of a plant's dry mass is carbon taken from the air as carbon dioxide.
- The oxygen released comes from **water**, not from carbon dioxide (Ruben and Kamen, 1941, using oxygen-18).
- Two stages: the light-dependent reactions and the Calvin cycle.`,
        },
        {
          kind: "text",
          title: "Inside the leaf and the chloroplast",
          duration_seconds: 193,
          learner_questions: [
            { question: "Why do the stomata let water out when they open to let carbon dioxide in?" },
            { question: "Does the Calvin cycle happen in the stroma or in the thylakoids?" },
            { question: "Why are leaves green if chlorophyll is what absorbs the light?" },
          ],
          content_md: `# Inside the leaf and the chloroplast

A leaf looks simple, but it is a carefully layered solar panel. Every layer solves one of three problems: catching light, letting carbon dioxide in, and not losing too much water.

## The layers of a leaf

Here is what you would meet if you travelled from the top surface of a typical leaf to the bottom:

1. **Waxy cuticle** – a thin, waterproof coating that slows water loss.
2. **Upper epidermis** – a single layer of transparent cells that lets light straight through.
3. **Palisade mesophyll** – tall, tightly packed cells, each holding dozens of chloroplasts. Most photosynthesis happens here, close to the light.
4. **Spongy mesophyll** – rounder cells with large air spaces between them, so gases can move around inside the leaf.
5. **Lower epidermis with stomata** – tiny pores, each opened and closed by a pair of *guard cells*.

Running through the leaf are the **veins**. Xylem brings water up from the roots, and phloem carries sugar away to the rest of the plant.

### Stomata: a constant trade-off

Carbon dioxide enters the leaf through the stomata, and the same open pores let water vapour escape. On a hot, dry day a plant must choose: keep the stomata open and lose water, or close them and starve photosynthesis of carbon dioxide. You will see this trade-off again when we meet C4 and CAM plants.

## The chloroplast

Photosynthesis takes place inside **chloroplasts**, organelles about 5 micrometres long. A single palisade cell may contain dozens of them.

| Part | What it is | What happens there |
| --- | --- | --- |
| Double membrane | Outer and inner envelope | Controls what enters and leaves |
| Thylakoids | Flattened membrane sacs | Light-dependent reactions |
| Grana (singular: granum) | Stacks of thylakoids | Pack a large membrane area into a small space |
| Lumen | Space inside each thylakoid | Protons build up here |
| Stroma | Fluid around the thylakoids | The Calvin cycle |

A useful way to remember it: **light reactions on the membranes, sugar-making in the fluid.**

Chloroplasts also contain their own small circular DNA and ribosomes. This is strong evidence for the *endosymbiotic theory*: chloroplasts descend from free-living cyanobacteria that were engulfed by an ancestral cell more than a billion years ago.

## Pigments: catching the right light

The thylakoid membranes are packed with pigments, molecules that absorb particular wavelengths of light.

| Pigment | Absorbs mainly | Looks |
| --- | --- | --- |
| Chlorophyll a | Blue-violet (about 430 nm) and red (about 660 nm) | Blue-green |
| Chlorophyll b | Blue (about 450 nm) and orange-red (about 640 nm) | Yellow-green |
| Carotenoids | Blue and blue-green (about 400–500 nm) | Yellow, orange |

Chlorophylls absorb blue and red light strongly but absorb little green light. The green light is reflected or passes through, which is why leaves look green to us.

Chlorophyll b and the carotenoids are *accessory pigments*. They widen the range of wavelengths the plant can use and pass the energy on to chlorophyll a. Carotenoids also protect the leaf by safely getting rid of excess energy in very bright light.

### A classic experiment

In 1882 Theodor Engelmann shone a tiny rainbow of light along a strand of green alga and added bacteria that gather where oxygen is plentiful. The bacteria crowded around the parts of the alga lit by **red and blue** light, and hardly any gathered in the green. With a microscope and some bacteria, he had mapped which colours drive photosynthesis.

### Why leaves change colour in autumn

Before deciduous trees drop their leaves, they break down chlorophyll and recover its valuable nitrogen. The yellow and orange carotenoids, present all along, are suddenly visible. The reds come from anthocyanins, which many trees make fresh in autumn.

## Summary

- The leaf is built to catch light (palisade layer), exchange gases (spongy layer and stomata) and move water and sugar (veins).
- Chloroplasts have two main zones: **thylakoid membranes** for the light-dependent reactions and the **stroma** for the Calvin cycle.
- Chlorophyll absorbs mostly red and blue light; accessory pigments extend the range and protect the leaf.`,
        },
      ],
    },
    {
      title: "The two stages",
      lessons: [
        {
          kind: "video",
          title: "The light-dependent reactions",
          duration_seconds: 278,
          video_file: "photosynthesis-light-reactions.webm",
          transcript_file: "photosynthesis-light-reactions.vtt",
          learner_questions: [
            { at_seconds: 40, question: "Why does photosystem two come first if it's numbered two?" },
            { at_seconds: 88, question: "Where exactly is the water split, on the lumen side or the stroma side?" },
            { at_seconds: 128, question: "What does cytochrome b6f actually do with the electrons?" },
            { at_seconds: 150, question: "Why is it called the Z scheme? I can't picture the energy diagram." },
            {
              at_seconds: 180,
              question: "Why does a difference of three pH units mean a thousand times more protons?",
            },
            {
              at_seconds: 196,
              question: "How does ATP synthase turn like a water wheel? What part is actually rotating?",
            },
          ],
          rewatch_hotspots: [
            { from_seconds: 166, to_seconds: 207, weight: 1.4 },
            { from_seconds: 118, to_seconds: 140, weight: 0.7 },
          ],
          content_md: `**Key points**

- Location: thylakoid membranes. Order of use: photosystem II (P680) → electron transport chain → photosystem I (P700).
- Water splitting at photosystem II: 2 H₂O → O₂ + 4 H⁺ + 4 e⁻.
- Ferredoxin and NADP⁺ reductase make **NADPH**; a proton gradient (lumen pH ≈ 5, stroma pH ≈ 8) drives **ATP synthase**.
- Inputs: light, water, ADP + phosphate, NADP⁺. Outputs: O₂, ATP, NADPH.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "Where does the oxygen released during photosynthesis come from?",
                options: ["Carbon dioxide", "Water", "Glucose", "ATP"],
                correct: 1,
                explanation:
                  "Photosystem II splits water (2 H₂O → O₂ + 4 H⁺ + 4 e⁻) to replace the electrons it loses; the oxygen is released as a by-product.",
              },
              {
                type: "multiple_choice",
                question: "Which of these are outputs of the light-dependent reactions?",
                options: ["ATP", "NADPH", "Oxygen", "Glucose"],
                correct: [0, 1, 2],
                explanation:
                  "The light reactions produce ATP, NADPH and oxygen. Glucose is built later, from the Calvin cycle's product G3P.",
              },
              {
                type: "true_false",
                question: "Photosystem II acts before photosystem I in the flow of electrons.",
                correct: true,
                explanation:
                  "The photosystems are numbered in order of discovery. In the electron flow, photosystem II comes first and photosystem I second.",
              },
              {
                type: "short_answer",
                question: "Name the enzyme that uses the flow of protons out of the thylakoid lumen to make ATP.",
                accepted_answers: ["ATP synthase", "ATP synthetase", "atp synthase"],
                explanation:
                  "Protons can only leave the lumen through ATP synthase; their flow turns part of the enzyme, which joins ADP and phosphate into ATP (chemiosmosis).",
              },
            ],
          },
        },
        {
          kind: "video",
          title: "The Calvin cycle",
          duration_seconds: 290,
          video_file: "photosynthesis-calvin-cycle.webm",
          transcript_file: "photosynthesis-calvin-cycle.vtt",
          learner_questions: [
            { at_seconds: 70, question: "What is RuBP and where does the first molecule of it come from?" },
            {
              at_seconds: 106,
              question: "If rubisco is so slow and makes mistakes, why hasn't evolution replaced it?",
            },
            { at_seconds: 166, question: "Why does reducing six 3-phosphoglycerate cost six ATP and six NADPH?" },
            {
              at_seconds: 187,
              question: "How do five G3P with 15 carbons become three RuBP? I lost track of the carbons.",
            },
            { at_seconds: 198, question: "Where does the nine ATP per G3P come from? I only count six." },
            {
              at_seconds: 240,
              question: "If it's called the dark reactions, why doesn't the Calvin cycle run at night?",
            },
          ],
          rewatch_hotspots: [
            { from_seconds: 147, to_seconds: 212, weight: 1.5 },
            { from_seconds: 60, to_seconds: 92, weight: 0.6 },
          ],
          content_md: `**The Calvin cycle at a glance** (runs in the stroma)

| Phase | What happens | Cost for 3 CO₂ |
| --- | --- | --- |
| 1. Carbon fixation | Rubisco joins CO₂ to RuBP (5C); the product splits into two 3-phosphoglycerate (3C) | – |
| 2. Reduction | 3-phosphoglycerate → G3P using ATP and NADPH | 6 ATP, 6 NADPH |
| 3. Regeneration | 5 G3P are rearranged into 3 RuBP | 3 ATP |

Net: 3 CO₂ → 1 G3P for 9 ATP and 6 NADPH. One glucose needs 2 G3P: 6 turns, 18 ATP and 12 NADPH.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "Which enzyme attaches carbon dioxide to ribulose bisphosphate (RuBP)?",
                options: ["ATP synthase", "Rubisco", "Amylase", "NADP⁺ reductase"],
                correct: 1,
                explanation:
                  "Rubisco catalyses carbon fixation, the first phase of the Calvin cycle. It is slow, so plants make huge amounts of it.",
              },
              {
                type: "short_answer",
                question: "How many ATP molecules does the Calvin cycle use to make one G3P that leaves the cycle?",
                accepted_answers: ["9", "nine"],
                explanation:
                  "Three turns use 6 ATP in the reduction phase and 3 ATP in regeneration: 9 ATP (plus 6 NADPH) per exported G3P.",
              },
              {
                type: "true_false",
                question:
                  "Because it is called 'light-independent', the Calvin cycle normally keeps running all night.",
                correct: false,
                explanation:
                  "It does not use light directly, but it needs a steady supply of ATP and NADPH from the light reactions, and enzymes such as rubisco are switched on by light.",
              },
              {
                type: "single_choice",
                question: "In three turns of the cycle, six G3P are produced. How many leave the cycle?",
                options: ["One", "Two", "Three", "Six"],
                correct: 0,
                explanation:
                  "One G3P (3 carbons, matching the 3 CO₂ fixed) leaves; the other five (15 carbons) are rebuilt into three RuBP.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Photosynthesis in the real world",
      lessons: [
        {
          kind: "text",
          title: "Limiting factors: light, carbon dioxide and temperature",
          duration_seconds: 201,
          learner_questions: [
            { question: "How can I tell from a graph which factor is limiting?" },
            { question: "Why does the rate fall at high temperatures instead of levelling off?" },
          ],
          content_md: `# Limiting factors: light, carbon dioxide and temperature

Why does a tomato plant in a heated, well-lit greenhouse grow faster than the same variety outside in spring? Because the rate of photosynthesis depends on several conditions at once, and at any moment **the one in shortest supply sets the pace**.

## The law of limiting factors

In 1905 the British plant physiologist Frederick Blackman summarised this idea: when a process depends on several factors, its rate is limited by the factor that is nearest its minimum. Think of a sandwich production line. If you have plenty of bread and fillings but only one person spreading butter, hiring more people to slice bread changes nothing. Only more butter-spreading helps.

For photosynthesis, the three classic limiting factors are **light intensity**, **carbon dioxide concentration** and **temperature**. Water matters too, mostly indirectly: a thirsty plant closes its stomata and so cuts off its own supply of carbon dioxide.

## Light intensity

In dim light, the light-dependent reactions cannot make ATP and NADPH fast enough, so the Calvin cycle waits for them. Double the light and the rate roughly doubles.

As light increases further, the curve bends and then flattens into a **plateau**. The plant is now making ATP and NADPH faster than the Calvin cycle can use them, so something else, usually carbon dioxide, has become the limit.

Two useful terms:

- **Light compensation point** – the light level at which photosynthesis exactly balances respiration, so there is no net uptake of carbon dioxide. Below it, the plant loses sugar overall.
- **Light saturation point** – the light level above which more light no longer increases the rate.

Shade plants such as ferns reach both points at much lower light levels than sun plants such as sunflowers.

## Carbon dioxide concentration

The air today contains only about **420 parts per million** (ppm) of carbon dioxide, roughly 0.04%. That is low enough that, in good light, carbon dioxide is often the limiting factor for ordinary (C3) plants. Rubisco works slowly, and at low carbon dioxide levels it also grabs oxygen by mistake, which wastes energy through photorespiration.

This is why commercial greenhouses often burn natural gas or release bottled carbon dioxide to raise levels to around **800–1,000 ppm** during the day. Growers commonly report yield increases of a fifth or more, provided light and temperature are also high enough to use the extra carbon.

## Temperature

Light capture itself barely depends on temperature, but the Calvin cycle is run by **enzymes**, and enzymes are sensitive to it.

- In the cool range, raising the temperature by 10 °C can roughly double the rate, because molecules collide more often and with more energy.
- Each species has an **optimum**, often around 25–35 °C.
- Above the optimum the rate falls steeply: enzymes start to lose their shape, stomata close to save water, and photorespiration increases.

## Worked example: which factor is limiting?

A grower measures the rate of photosynthesis in a tomato crop (arbitrary units) under different conditions:

| Light | CO₂ (ppm) | Temperature | Rate |
| --- | --- | --- | --- |
| Low | 420 | 25 °C | 10 |
| High | 420 | 25 °C | 30 |
| High | 1,000 | 25 °C | 45 |
| Low | 1,000 | 25 °C | 10 |
| High | 1,000 | 15 °C | 28 |

Read the table like a detective:

1. Rows 1 and 4: in **low light**, extra carbon dioxide changes nothing (10 → 10). Light is limiting.
2. Rows 2 and 3: in **high light**, extra carbon dioxide raises the rate (30 → 45). Carbon dioxide was limiting.
3. Rows 3 and 5: with light and carbon dioxide both high, **cooling** to 15 °C drops the rate (45 → 28). Now temperature is limiting.

The lesson for the grower: adding carbon dioxide is only worth paying for when the light is good and the greenhouse is warm.

## Summary

- The slowest, scarcest factor controls the overall rate (Blackman, 1905).
- Light limits at low intensities; above the saturation point another factor takes over.
- Atmospheric carbon dioxide (about 420 ppm) often limits C3 plants in good light; greenhouses enrich it to around 1,000 ppm.
- Temperature acts through enzymes, with a species-specific optimum and a sharp decline above it.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question:
                  "In low light, a grower doubles the CO₂ concentration but the rate of photosynthesis stays the same. What is the limiting factor?",
                options: ["Carbon dioxide", "Light intensity", "Oxygen", "Chlorophyll colour"],
                correct: 1,
                explanation:
                  "If raising CO₂ does not change the rate, something else is in shortest supply. In low light, the light reactions cannot supply enough ATP and NADPH.",
              },
              {
                type: "true_false",
                question:
                  "Above a plant's optimum temperature, the rate of photosynthesis keeps rising because molecules move faster.",
                correct: false,
                explanation:
                  "Above the optimum the rate falls: enzymes lose their shape, stomata close and photorespiration increases.",
              },
              {
                type: "multiple_choice",
                question: "Which statements about greenhouse CO₂ enrichment are correct?",
                options: [
                  "Growers often raise CO₂ to around 800–1,000 ppm",
                  "It helps most when light and temperature are also high",
                  "It increases the rate in any light level",
                  "Normal air contains about 420 ppm CO₂",
                ],
                correct: [0, 1, 3],
                explanation:
                  "Extra CO₂ only helps when CO₂ is the limiting factor, which requires good light and warmth. In dim light, light remains the limit.",
              },
              {
                type: "short_answer",
                question:
                  "What is the name of the light level at which photosynthesis exactly balances respiration, so there is no net CO₂ uptake?",
                accepted_answers: ["light compensation point", "compensation point", "the light compensation point"],
                explanation:
                  "At the light compensation point, the CO₂ fixed by photosynthesis equals the CO₂ released by respiration.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "C3, C4 and CAM plants",
          duration_seconds: 226,
          learner_questions: [
            { question: "How does a C4 plant stop rubisco from grabbing oxygen?" },
            { question: "Why do CAM plants open their stomata at night?" },
          ],
          content_md: `# C3, C4 and CAM plants

Rubisco, the enzyme that fixes carbon dioxide in the Calvin cycle, has a weakness: it cannot perfectly tell carbon dioxide and oxygen apart. Evolution has produced three main ways of living with that weakness. Knowing them explains why maize thrives in hot summers, why pineapples open their pores at night, and why some of the world's most productive crops look so different inside.

## The problem: photorespiration

When rubisco grabs **oxygen** instead of carbon dioxide, it produces a two-carbon compound the plant cannot use directly. Recycling it costs ATP and releases carbon dioxide that had already been fixed. This wasteful pathway is called **photorespiration**.

Photorespiration gets worse when:

- the leaf is **hot** – rubisco's preference for carbon dioxide over oxygen falls as temperature rises, and carbon dioxide dissolves less well than oxygen in warm water;
- the **stomata are closed** to save water – carbon dioxide inside the leaf is used up while oxygen from the light reactions builds up.

In hot, dry conditions, an ordinary plant can lose a quarter or more of the carbon it fixes this way.

## C3 plants: the standard route

Most plant species, including wheat, rice, soybeans, potatoes and nearly all trees, are **C3 plants**. The name comes from the first stable product of carbon fixation: 3-phosphoglycerate, a three-carbon molecule. In C3 plants, the Calvin cycle happens in ordinary mesophyll cells, exposed to whatever carbon dioxide and oxygen levels the leaf contains.

C3 plants do well in cool, moist conditions with moderate light, where photorespiration is modest.

## C4 plants: a carbon dioxide pump

**C4 plants**, such as maize, sugarcane, sorghum and many tropical grasses, separate carbon capture from the Calvin cycle **in space**.

1. In the outer **mesophyll cells**, an enzyme called **PEP carboxylase** fixes carbon dioxide (as bicarbonate) onto a three-carbon molecule, producing the **four-carbon** acid oxaloacetate – hence the name C4. PEP carboxylase does not react with oxygen at all.
2. The four-carbon acid (usually converted to malate) moves into **bundle-sheath cells** arranged in a tight ring around each vein. This ring-like layout is called *Kranz anatomy*, from the German word for wreath.
3. There the acid releases its carbon dioxide, raising the concentration around rubisco to many times the level in the air. Rubisco now almost never meets oxygen, and the Calvin cycle runs as normal.

The pump is not free: it costs about **2 extra ATP per carbon dioxide** fixed. In cool climates that cost outweighs the savings, but in hot, bright conditions C4 plants outperform C3 plants and use water more efficiently. Although C4 species are only a few percent of all plant species, they carry out roughly a fifth to a quarter of all photosynthesis on land.

## CAM plants: working the night shift

**CAM plants** (crassulacean acid metabolism, named after the stonecrop family, Crassulaceae) include cacti, agave, aloe, pineapple and many orchids. They separate the two steps **in time**.

- **At night**, when air is cool and humid, the stomata open. PEP carboxylase fixes carbon dioxide into four-carbon acids, which are stored as **malic acid** in large vacuoles. The leaves become measurably sour by dawn.
- **During the day**, the stomata stay shut to save water. The malic acid releases its carbon dioxide inside the leaf, and the Calvin cycle uses it with the light reactions' ATP and NADPH.

This saves an enormous amount of water, but storage space for the acid is limited, so CAM plants usually grow slowly.

## Comparing the three strategies

| | C3 | C4 | CAM |
| --- | --- | --- | --- |
| First stable product | 3-phosphoglycerate (3C) | Oxaloacetate (4C) | Oxaloacetate (4C), stored as malic acid |
| How steps are separated | Not separated | In space (mesophyll vs bundle sheath) | In time (night vs day) |
| Stomata open | Day | Day (often partly closed) | Night |
| Photorespiration | Significant in heat | Very low | Very low |
| Best in | Cool, moist climates | Hot, sunny climates | Hot, very dry climates |
| Examples | Wheat, rice, oak | Maize, sugarcane | Cacti, pineapple, agave |

## Why it matters

Crop scientists are trying to engineer C4-like features into rice, which could raise yields in hot regions. Changing carbon dioxide levels and temperatures also shift the balance between C3 and C4 plants in grasslands. Whenever you compare crops or ecosystems, ask: *how does this plant protect rubisco from oxygen?*

## Summary

- Rubisco sometimes fixes oxygen, causing wasteful **photorespiration**, especially in heat and drought.
- **C4** plants concentrate carbon dioxide around rubisco using a separate cell type (separation in space).
- **CAM** plants collect carbon dioxide at night and use it by day (separation in time).
- Both cost extra energy, so each strategy wins in the climate it evolved for.`,
        },
      ],
    },
  ],
};
