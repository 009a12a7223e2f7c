import type { DemoCourse } from "../types.js";

export const course: DemoCourse = {
  slug: "spanish-for-travellers",
  title: "Spanish for Travellers",
  subtitle: "The phrases, sounds and survival skills for your first trip to a Spanish-speaking country",
  description: `Spanish is spoken by around 500 million people as a first language, across Spain and most of Latin America. You don't need years of grammar to enjoy a trip: a few dozen well-chosen phrases, clear pronunciation and the confidence to use them will take you a very long way.

This course focuses on real travel situations: greeting people politely, asking for directions, buying train tickets, ordering food and paying the bill. Every phrase comes with its meaning, when to use it, and the common differences between Spain and Latin America, such as *billete* and *boleto*. The video lessons let you hear each phrase and repeat it aloud.

It is designed for complete beginners with a trip coming up. No previous Spanish is needed, just a willingness to speak out loud, make mistakes and try again.`,
  category: "Languages",
  level: "beginner",
  pricing: { is_free: true, price: 0 },
  tags: ["spanish", "travel", "languages", "conversation", "pronunciation"],
  outcomes: [
    "Greet people appropriately for the time of day and choose between tú and usted",
    "Pronounce Spanish vowels, consonants and word stress clearly enough to be understood",
    "Ask for and understand directions, and buy one-way and return tickets",
    "Order food and drink, mention allergies and dietary needs, and ask for the bill",
    "Understand prices and numbers up to 100",
  ],
  creator: "marcus",
  thumbnail_file: "spanish-for-travellers.svg",
  modules: [
    {
      title: "First words",
      lessons: [
        {
          kind: "video",
          title: "Greetings and polite phrases",
          is_preview: true,
          duration_seconds: 247,
          video_file: "spanish-greetings.webm",
          transcript_file: "spanish-greetings.vtt",
          learner_questions: [
            { at_seconds: 18, question: "Is the h in hola always silent?" },
            { at_seconds: 45, question: "When does buenas tardes turn into buenas noches in Spain?" },
            { at_seconds: 110, question: "When should I use tú and when usted?" },
            { at_seconds: 130, question: "What's the difference between ¿Cómo estás? and ¿Cómo está usted?" },
            { at_seconds: 158, question: "How do I ask someone's name formally?" },
          ],
          rewatch_hotspots: [{ from_seconds: 101, to_seconds: 144 }],
          content_md: `**Phrase list**

| Spanish | English |
| --- | --- |
| Hola | Hello |
| Buenos días / Buenas tardes / Buenas noches | Good morning / Good afternoon / Good evening, good night |
| Adiós / Hasta luego | Goodbye / See you later |
| Por favor / Gracias / De nada | Please / Thank you / You're welcome |
| Perdone, disculpe | Excuse me |
| ¿Cómo está (usted)? / ¿Cómo estás? | How are you? (formal / informal) |
| Me llamo... / Mucho gusto | My name is... / Pleased to meet you |
| ¿Habla inglés? / No entiendo / Más despacio, por favor | Do you speak English? / I don't understand / More slowly, please |`,
        },
        {
          kind: "text",
          title: "Pronunciation survival guide",
          duration_seconds: 197,
          learner_questions: [
            { question: "How do I roll the double r?" },
            { question: "Where does the stress go in a word without an accent mark?" },
          ],
          content_md: `# Pronunciation survival guide

Good news: Spanish spelling is very regular. Once you know a handful of rules, you can pronounce almost any word you see on a menu or a street sign, even if you have never heard it before. This guide covers the rules that matter most for being understood.

## Five pure vowels

Spanish has just five vowel sounds, and each letter always makes the same sound. Keep them short and crisp, without the glide English adds (English "no" slides into "noo"; Spanish *no* does not).

| Letter | Sounds like | Example | Meaning |
| --- | --- | --- | --- |
| a | "a" in *father* | *casa* | house |
| e | "e" in *bed* | *mesa* | table |
| i | "ee" in *see* | *sí* | yes |
| o | "o" in *lot*, but with rounded lips | *todo* | everything |
| u | "oo" in *food* | *uno* | one |

Getting the vowels right does more for your accent than anything else.

## Consonants that differ from English

| Spelling | Sound | Examples |
| --- | --- | --- |
| **h** | Always silent | *hola* (OH-la), *hotel* (o-TEL) |
| **j** | A breathy "h", as in Scottish *loch* | *jamón* (ham), *Juan* |
| **g** before e or i | Same as j | *gente* (people), *Gibraltar* |
| **g** elsewhere | Hard "g", as in *go* | *gato* (cat), *gracias* |
| **gue, gui** | Hard g; the u is silent | *guitarra*, *guía* (guide) |
| **ñ** | "ny", as in *canyon* | *España*, *mañana* (tomorrow) |
| **ll** and **y** | Usually "y" as in *yes* | *calle* (street), *playa* (beach) |
| **qu** | "k"; the u is silent | *queso* (cheese), *¿qué?* (what?) |
| **v** | The same as b | *vino* sounds like "bino" |
| **z**, and **c** before e or i | "th" in most of Spain; "s" in Latin America | *gracias*, *cerveza* (beer) |

### The two r sounds

- A **single r** between vowels is a quick tap of the tongue, like the "tt" in American English *butter*: *pero* (but).
- **rr**, or an r at the start of a word, is a rolled trill: *perro* (dog), *Roma*.

*Pero* and *perro* are different words, so it's worth practising. If you can't roll your r yet, make a strong tap; people will still understand you from context.

### Spain vs Latin America

The biggest difference is **c/z**: in most of Spain *gracias* sounds like "GRA-thyas", while in Latin America (and the Canary Islands and parts of southern Spain) it is "GRA-syas". Both are correct. In Argentina and Uruguay, **ll** and **y** often sound like the "sh" in *show*: *calle* sounds like "CA-she". Pick one variety and stay consistent; everyone will understand you.

## Word stress: three rules

Stressing the wrong syllable can make a word hard to recognise. Spanish stress is fully predictable:

1. Words ending in a **vowel, n or s** are stressed on the **second-to-last** syllable: *CA-sa*, *HA-blan* (they speak), *ZA-pa-tos* (shoes).
2. Words ending in **any other consonant** are stressed on the **last** syllable: *ho-TEL*, *co-MER* (to eat), *ciu-DAD* (city).
3. A **written accent** overrides both rules and marks the stressed syllable: *ca-FÉ*, *es-ta-CIÓN*, *te-LÉ-fo-no*.

So when you see an accent mark, stress that syllable; when you don't, apply rules 1 and 2. Accents also tell apart some pairs: *si* (if) vs *sí* (yes), *el* (the) vs *él* (he).

## Practice: read these aloud

Apply the rules and check yourself:

| Word | Stress | Meaning |
| --- | --- | --- |
| *aeropuerto* | ae-ro-PUER-to (rule 1) | airport |
| *farmacia* | far-MA-cia (rule 1) | pharmacy |
| *ciudad* | ciu-DAD (rule 2) | city |
| *autobús* | au-to-BÚS (accent) | bus |
| *restaurante* | res-tau-RAN-te (rule 1) | restaurant |

## Four habits that help

- **Say every letter** except h and the silent u in *que/qui/gue/gui*. There are no silent e's at the end of words: *noche* is NO-che.
- **Speak slowly and clearly** rather than fast: clarity beats speed.
- **Copy, don't translate.** Listen to a phrase in the video lessons and imitate the rhythm.
- **Don't fear mistakes.** People appreciate the effort and will usually help you.

## Summary

- Five short, pure vowels: a, e, i, o, u, always pronounced the same way.
- H is silent; j (and g before e/i) is a breathy h; ñ is "ny"; v sounds like b.
- Single r taps, rr trills; *pero* ≠ *perro*.
- Stress: second-to-last syllable after a vowel, n or s; otherwise the last syllable; a written accent overrides both.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "How is the h in 'hola' pronounced?",
                options: [
                  "Like English h in 'hat'",
                  "Like the Scottish 'ch' in 'loch'",
                  "It is silent",
                  "Like 'y' in 'yes'",
                ],
                correct: 2,
                explanation: "The letter h is always silent in Spanish, so hola sounds like 'OH-la'.",
              },
              {
                type: "short_answer",
                question: "Which syllable is stressed in 'ciudad' (city)? Write it.",
                accepted_answers: ["dad", "DAD", "-dad", "the last", "last"],
                explanation:
                  "ciudad ends in d (a consonant other than n or s), so the stress falls on the last syllable: ciu-DAD.",
              },
              {
                type: "true_false",
                question: "'Pero' (but) and 'perro' (dog) are pronounced the same way.",
                correct: false,
                explanation:
                  "A single r between vowels is a quick tap; rr is a rolled trill, so the two words sound different.",
              },
              {
                type: "multiple_choice",
                question: "Which words are stressed on the second-to-last syllable?",
                options: ["casa", "hablan", "hotel", "zapatos"],
                correct: [0, 1, 3],
                explanation:
                  "Words ending in a vowel, n or s stress the second-to-last syllable (CA-sa, HA-blan, za-PA-tos). Hotel ends in l, so it is ho-TEL.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Getting around and eating out",
      lessons: [
        {
          kind: "video",
          title: "Asking for directions and transport",
          duration_seconds: 235,
          video_file: "spanish-directions-transport.webm",
          transcript_file: "spanish-directions-transport.vtt",
          learner_questions: [
            { at_seconds: 40, question: "How do I know whether a noun is masculine or feminine?" },
            { at_seconds: 79, question: "Wait, is derecho right or straight on?" },
            { at_seconds: 100, question: "What does 'gire la segunda a la izquierda' mean exactly?" },
            { at_seconds: 136, question: "What's the difference between de ida and de ida y vuelta?" },
            { at_seconds: 163, question: "How do I read las dieciocho horas on a timetable?" },
          ],
          rewatch_hotspots: [{ from_seconds: 57, to_seconds: 100, weight: 1.1 }],
          content_md: `**Phrase list**

| Spanish | English |
| --- | --- |
| ¿Dónde está la estación? | Where is the station? |
| ¿Hay una farmacia cerca? | Is there a pharmacy nearby? |
| a la derecha / a la izquierda / todo recto | to the right / to the left / straight ahead |
| Siga todo recto y gire la segunda a la izquierda | Continue straight on and take the second on the left |
| ¿Está lejos? / Está a cinco minutos | Is it far? / It's five minutes away |
| Un billete (Spain) / un boleto (Lat. Am.) de ida y vuelta para Sevilla | A return ticket to Seville |
| ¿A qué hora sale el tren? / ¿De qué andén sale? | What time does the train leave? / From which platform? |`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "What does 'a la izquierda' mean?",
                options: ["Straight ahead", "To the right", "To the left", "Far away"],
                correct: 2,
                explanation: "Izquierda is left; derecha is right; todo recto means straight ahead.",
              },
              {
                type: "short_answer",
                question: "How do you say 'a return ticket' in Spain? (un billete de ...)",
                accepted_answers: [
                  "un billete de ida y vuelta",
                  "billete de ida y vuelta",
                  "de ida y vuelta",
                  "ida y vuelta",
                ],
                explanation: "De ida is one-way; de ida y vuelta (going and coming back) is a return ticket.",
              },
              {
                type: "true_false",
                question: "In much of Latin America, 'derecho' can mean 'straight ahead'.",
                correct: true,
                explanation: "Listen carefully: derecha means right, but derecho is often used for straight on.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "Ordering food and paying the bill",
          duration_seconds: 221,
          learner_questions: [
            { question: "How do I ask for the bill politely?" },
            { question: "How do I say that I'm allergic to nuts?" },
          ],
          content_md: `# Ordering food and paying the bill

Eating out is one of the great pleasures of travelling in Spain and Latin America, and it is the situation where a few phrases make the biggest difference. This lesson walks you through a restaurant visit from the door to the bill, and teaches the numbers you need to understand prices.

## Arriving

| Spanish | English |
| --- | --- |
| *Buenas noches. Una mesa para dos, por favor.* | Good evening. A table for two, please. |
| *¿Tienen una mesa en la terraza?* | Do you have a table on the terrace? |
| *La carta, por favor.* | The menu, please. |

In Spain, *la carta* is the full menu, while *el menú del día* is a fixed-price lunch deal, usually with a starter, a main course, a dessert or coffee, bread and a drink. It is often the best-value meal of the day. In Latin America, *el menú* usually just means the menu.

Meal times in Spain are late: lunch often runs from about 2 to 4 pm, and dinner usually starts around 9 pm or later.

## Ordering

The two most useful patterns are:

- ***Quisiera...*** – I would like... (polite and always safe)
- ***Para mí...*** – For me... (very natural when ordering at the table)

| Spanish | English |
| --- | --- |
| *Quisiera la sopa, por favor.* | I'd like the soup, please. |
| *Para mí, el pollo con patatas.* | For me, the chicken with potatoes. |
| *¿Qué me recomienda?* | What do you recommend? |
| *De primero... y de segundo...* | As a starter... and as a main... |
| *Un agua sin gas / con gas* | A still / sparkling water |
| *Una cerveza* / *Una copa de vino tinto* | A beer / A glass of red wine |

## Dietary needs and allergies

Spanish adjectives change ending with the speaker's gender: a man says *alérgico*, a woman says *alérgica*.

| Spanish | English |
| --- | --- |
| *Soy alérgico / alérgica a los frutos secos.* | I'm allergic to nuts. |
| *Soy vegetariano / vegetariana.* | I'm vegetarian. |
| *¿Lleva carne / gluten / lactosa?* | Does it contain meat / gluten / lactose? |
| *Sin cebolla, por favor.* | Without onion, please. |

A useful tip: in some places *vegetariano* is understood loosely, and a "vegetable" dish may contain ham (*jamón*) or tuna (*atún*). Asking *¿Lleva carne o pescado?* (Does it have meat or fish?) is worth the extra second. For a serious allergy, carry a written card in Spanish.

## Numbers you'll hear

| 1–10 | 11–20 | Tens |
| --- | --- | --- |
| 1 *uno* | 11 *once* | 10 *diez* |
| 2 *dos* | 12 *doce* | 20 *veinte* |
| 3 *tres* | 13 *trece* | 30 *treinta* |
| 4 *cuatro* | 14 *catorce* | 40 *cuarenta* |
| 5 *cinco* | 15 *quince* | 50 *cincuenta* |
| 6 *seis* | 16 *dieciséis* | 60 *sesenta* |
| 7 *siete* | 17 *diecisiete* | 70 *setenta* |
| 8 *ocho* | 18 *dieciocho* | 80 *ochenta* |
| 9 *nueve* | 19 *diecinueve* | 90 *noventa* |
| 10 *diez* | 20 *veinte* | 100 *cien* |

From 31 upwards, join tens and units with ***y*** (and): 35 is *treinta y cinco*, 48 is *cuarenta y ocho*. The twenties are written as one word: 21 *veintiuno*, 25 *veinticinco*.

Prices are usually said as euros (or pesos) **with** cents: €12.50 is *doce euros con cincuenta*, often shortened to *doce cincuenta*. Note that Spain writes decimals with a comma: **12,50 €**.

## Paying

| Spanish | English |
| --- | --- |
| *La cuenta, por favor.* | The bill, please. |
| *¿Puedo pagar con tarjeta?* | Can I pay by card? |
| *¿Está incluido el servicio?* | Is service included? |
| *Quédese con el cambio.* | Keep the change. |

In Spain you usually have to **ask** for the bill: bringing it unrequested is considered rushing you. Tipping is modest there; rounding up or leaving around 5–10% for good service is common. In Mexico, a tip (*propina*) of 10–15% is customary in restaurants.

## A complete exchange

> **Camarero:** Buenas noches. ¿Qué van a tomar?
> **Tú:** Para mí, la sopa de primero y el pescado de segundo, por favor.
> **Camarero:** ¿Y para beber?
> **Tú:** Un agua sin gas, por favor. Soy alérgica a los frutos secos. ¿El postre lleva almendras?
> **Camarero:** Sí, lleva almendras. Le recomiendo la fruta.
> **Tú:** Perfecto, gracias.
> *(Later)* **Tú:** La cuenta, por favor. ¿Puedo pagar con tarjeta?
> **Camarero:** Claro. Son treinta y dos euros con cincuenta.

The waiter asks "What will you have?" and "And to drink?"; you order soup, then fish, and still water; you check whether the dessert contains almonds (it does, so he recommends fruit); and the bill comes to €32.50.

## Summary

- Ask for *una mesa para dos*, order with *Quisiera...* or *Para mí...*, and ask *¿Qué me recomienda?*
- State needs clearly: *Soy alérgico/alérgica a...*, *¿Lleva carne?*
- Numbers: learn 1–20, the tens, and join with *y* from 31: *treinta y cinco*.
- Ask for *la cuenta*; in Spain it won't arrive until you do.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "short_answer",
                question: "Write the number 35 in Spanish.",
                accepted_answers: ["treinta y cinco", "Treinta y cinco"],
                explanation: "From 31 upwards, tens and units are joined with y: treinta (30) y cinco (5).",
              },
              {
                type: "single_choice",
                question: "What is 'el menú del día' in Spain?",
                options: ["The full à la carte menu", "A fixed-price lunch deal", "The dessert menu", "The wine list"],
                correct: 1,
                explanation:
                  "The menú del día is a fixed-price lunch, usually including a starter, main, dessert or coffee, bread and a drink.",
              },
              {
                type: "true_false",
                question: "In Spain, waiters usually bring the bill without being asked as soon as you finish eating.",
                correct: false,
                explanation:
                  "You normally ask for it with 'La cuenta, por favor'; bringing it unrequested would seem like rushing you.",
              },
              {
                type: "multiple_choice",
                question: "Which phrases could you use to order a dish?",
                options: [
                  "Quisiera la paella, por favor.",
                  "Para mí, la paella.",
                  "La cuenta, por favor.",
                  "¿Dónde está la paella?",
                ],
                correct: [0, 1],
                explanation:
                  "Quisiera... and Para mí... are both natural ways to order. La cuenta asks for the bill, and ¿Dónde está...? asks where something is.",
              },
            ],
          },
        },
      ],
    },
  ],
};
