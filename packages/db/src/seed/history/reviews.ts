/**
 * What demo learners wrote about each course, handed out in order to the learners who got far enough to review it
 * (so the first reviewers of a course always write the first ones). Short, specific, and not all glowing.
 */
export const DEMO_REVIEWS: Record<string, Array<{ rating: number; body: string }>> = {
  "photosynthesis-essentials": [
    {
      rating: 5,
      body: "Finally understand where a tree's mass comes from. The willow story hooked me in the first minute.",
    },
    { rating: 5, body: "The Calvin cycle bookkeeping made it click. I rewatched that part twice and it was worth it." },
    { rating: 4, body: "Clear and well paced. The light reactions video is dense, so take notes." },
    {
      rating: 5,
      body: "Perfect refresher before my biology exam. The quizzes are short but they catch what you skimmed.",
    },
    { rating: 3, body: "Good content, but I wanted more diagrams of the thylakoid membrane." },
    { rating: 5, body: "Loved the C4 and CAM lesson. Cacti working the night shift is my new favourite fact." },
  ],
  "python-for-beginners": [
    { rating: 5, body: "Wrote my first script on day one. Marcus explains errors without making you feel silly." },
    { rating: 5, body: "The range() explanation finally stopped my off-by-one mistakes." },
    { rating: 4, body: "Great start. I'd like a longer project at the end to put it all together." },
    { rating: 5, body: "Short lessons that fit into a lunch break. The tutor helped when I got stuck on indentation." },
    { rating: 4, body: "Clear and friendly. The functions lesson moves a bit fast." },
    { rating: 5, body: "My 14-year-old and I did it together. Highly recommended." },
  ],
  "sql-postgresql-querying": [
    { rating: 5, body: "The warning about joins multiplying rows saved me from a wrong revenue report at work." },
    { rating: 4, body: "Practical and to the point. Window functions could use one more example." },
    { rating: 5, body: "Learning the logical order of a query explained so many errors I used to get." },
    { rating: 4, body: "Good course. I'd love exercises on a real dataset." },
    { rating: 5, body: "NULL finally makes sense. The left join plus IS NULL trick is gold." },
  ],
  "linear-algebra-intuition": [
    { rating: 5, body: "Matrices as motions of space changed how I think about them." },
    { rating: 4, body: "Beautiful intuition, but the composition order needed a second watch." },
    { rating: 4, body: "Good visual approach. More worked eigenvector examples would help." },
    { rating: 3, body: "Nice explanations, but I expected more exercises." },
    { rating: 5, body: "Determinants as area scaling: why didn't anyone tell me this at university?" },
  ],
  "statistics-for-data-science": [
    { rating: 5, body: "The Literary Digest story is a lesson I won't forget. Great course." },
    { rating: 4, body: "Solid foundations. The standard deviation by hand was slow but useful." },
    { rating: 5, body: "What a confidence interval really means, explained properly for once." },
    { rating: 4, body: "Very clear. The p-value lesson could use a second worked example." },
    { rating: 3, body: "Useful, though the n minus one part went by too quickly for me." },
  ],
  "machine-learning-fundamentals": [
    { rating: 5, body: "Working through gradient descent by hand made the whole thing click." },
    { rating: 4, body: "Good mix of intuition and maths. The learning rate examples are great." },
    { rating: 5, body: "The best explanation of precision and recall I've seen." },
    { rating: 4, body: "Strong course. I wanted a notebook to run the examples in." },
    { rating: 4, body: "Clear, but the divergence example needs a chart." },
  ],
  "advanced-typescript": [
    { rating: 5, body: "Distributive conditional types finally make sense." },
    { rating: 4, body: "Dense but rewarding. Plan to rewatch the mapped types lesson." },
    { rating: 3, body: "Great material, but it assumes more background than the description says." },
    { rating: 5, body: "Branded types and satisfies are already in our codebase. Thanks, Marcus." },
  ],
  "product-management-essentials": [
    { rating: 4, body: "RICE gave my team a shared language for prioritising." },
    { rating: 5, body: "The customer interview lesson alone is worth it." },
    { rating: 3, body: "A good overview, a bit basic if you already work in product." },
    { rating: 4, body: "Output versus outcome is now on a sticky note on my monitor." },
  ],
  "spanish-for-travellers": [
    { rating: 5, body: "Used these phrases in Seville last week and people understood me." },
    { rating: 4, body: "Tú or usted is finally clear. I'd like more listening practice." },
    { rating: 5, body: "Derecha or derecho: that tip alone saved me from getting lost." },
    { rating: 4, body: "Short, practical lessons. Pronunciation tips are really helpful." },
    { rating: 5, body: "Exactly what I needed before my trip to Mexico." },
  ],
};
