import type { DemoCourse } from "../types.js";

export const course: DemoCourse = {
  slug: "product-management-essentials",
  title: "Product Management Essentials",
  subtitle: "Find real customer problems, decide what to build next and measure whether it worked",
  description: `Product managers sit where customers, technology and business meet. Their job is not to write every feature request into a backlog, but to make sure the team builds things that solve real problems, and to prove it with evidence.

This course covers the core loop of modern product management: understanding what a PM actually does, running customer interviews that uncover real problems instead of polite compliments, prioritising ideas with a transparent method such as RICE, and choosing metrics that show whether your work changed customer behaviour. Each lesson is built around a worked example, from a food-delivery checkout to an online learning app.

It is designed for aspiring product managers, engineers and designers moving closer to product decisions, founders, and anyone who has wondered why some teams ship features that nobody uses. No prior experience is required.`,
  category: "Business",
  level: "beginner",
  pricing: { is_free: false, price: 19 },
  tags: ["product management", "prioritization", "customer research", "metrics", "startups"],
  outcomes: [
    "Explain the product manager's role, the product trio and the four big product risks",
    "Plan and run customer interviews that produce evidence rather than opinions",
    "Prioritise a backlog with RICE and explain the reasoning to stakeholders",
    "Choose a North Star metric with input and guardrail metrics, and avoid vanity metrics",
    "Distinguish output from outcome and judge product work by changes in customer behaviour",
  ],
  creator: "marcus",
  thumbnail_file: "product-management-essentials.svg",
  modules: [
    {
      title: "Understanding problems",
      lessons: [
        {
          kind: "video",
          title: "What a product manager actually does",
          is_preview: true,
          duration_seconds: 262,
          video_file: "product-what-pms-do.webm",
          transcript_file: "product-what-pms-do.vtt",
          learner_questions: [
            { at_seconds: 42, question: "If the engineers don't report to the PM, how does the PM get anything done?" },
            { at_seconds: 74, question: "What's the difference between value risk and usability risk?" },
            { at_seconds: 90, question: "What does business viability risk cover?" },
            { at_seconds: 170, question: "How long should an A/B test like the checkout one run?" },
            { at_seconds: 188, question: "What's the difference between an output and an outcome?" },
          ],
          rewatch_hotspots: [{ from_seconds: 63, to_seconds: 97, weight: 0.9 }],
          content_md: `**Key ideas**

- The product trio: product manager (why and what), designer (how it works for users), engineers (how it's built).
- Four risks (Marty Cagan): **value**, **usability**, **feasibility**, **business viability**.
- Example: basket abandonment at payment fell from 40% to 31% after showing fees earlier. That is an **outcome**, not just **output**.`,
        },
        {
          kind: "text",
          title: "Customer interviews that reveal real problems",
          duration_seconds: 221,
          learner_questions: [
            { question: "Why shouldn't I just ask customers which features they want?" },
            { question: "How many interviews are enough?" },
          ],
          content_md: `# Customer interviews that reveal real problems

Talking to customers sounds easy. In practice, most interviews produce polite compliments and wishful predictions: "Yes, I'd definitely use that!" Then the feature ships and nobody uses it. This lesson shows how to run interviews that produce **evidence**: facts about what people actually did, what it cost them and what they tried instead.

## Why people mislead you (without meaning to)

- **Politeness.** People don't want to hurt your feelings, especially if they can tell the idea is yours.
- **Bad predictions.** Humans are poor at predicting their own future behaviour. "Would you pay for this?" measures optimism, not intent.
- **Leading questions.** "Don't you find it annoying when...?" tells people the answer you want.

Rob Fitzpatrick's book *The Mom Test* (2013) names the fix: ask questions that even your mum couldn't lie to you about, because they are about **specific things that already happened** in the person's life, not about your idea.

## Good questions and bad questions

| Instead of... | Ask... | Why |
| --- | --- | --- |
| "Would you use an app that...?" | "Tell me about the last time you..." | Past behaviour beats future promises |
| "Is planning meals a problem for you?" | "How did you decide what to cook last Tuesday?" | Specific, real, hard to exaggerate |
| "Would you pay £5 a month for this?" | "What do you currently spend on solving this?" | Real money already spent is a strong signal |
| "Don't you hate slow checkouts?" | "Walk me through your last online order." | Avoids leading the witness |
| "What features do you want?" | "What have you tried so far? What was wrong with it?" | Workarounds reveal real pain |

A strong signal is a **workaround**: a spreadsheet, a sticky-note system, a paid tool used in an odd way. If someone has built their own solution, the problem is real and costly.

## Structuring a 30-minute interview

1. **Introduction (2 min).** Explain that you're learning, not selling, and that there are no wrong answers. Ask permission to record.
2. **Context (5 min).** Their role, their week, where the problem area fits.
3. **The story (15 min).** "Tell me about the last time you..." Then follow the story with open prompts: *What happened next? Why was that? How did you feel? What did you do about it?*
4. **Current solutions (5 min).** What do they use now, what does it cost, what do they dislike?
5. **Wrap-up (3 min).** "Is there anything I should have asked?" and "Who else should I talk to?"

### Techniques that help

- **Follow the energy.** When someone's tone changes (annoyance, a sigh, a laugh), ask about it.
- **Ask "why" a few times.** The first answer is often a surface symptom. "I export the report to Excel." *Why?* "To add the regional totals." *Why do you need those?* "Because my boss compares regions every Monday." Now you understand the real job.
- **Embrace silence.** Wait a few seconds after an answer. People often add the most honest detail to fill the pause.
- **Talk less.** Aim for the customer speaking at least 80% of the time.
- **Don't pitch.** If you describe your solution, the interview turns into a sales meeting, and the compliments begin.

## Who and how many

- Recruit people who experienced the problem **recently**, in the segment you are targeting. Memories of last week are far more detailed than memories of last year.
- Interview in pairs when possible: one person asks, one takes notes.
- Five to eight interviews per customer segment usually reveal the main recurring themes. Keep going until you stop hearing new things.

## Making sense of what you heard

Right after each interview, write down the key facts, quotes and surprises. After a batch, put every observation on its own note and group similar ones (an *affinity map*). Then look for patterns:

| Observation | Seen in | Evidence strength |
| --- | --- | --- |
| Fees shown only at checkout surprised them | 6 of 8 | Strong: specific recent stories |
| Wants to schedule orders days ahead | 2 of 8 | Weak: a stated wish, no workaround |
| Re-orders the same meal weekly using screenshots | 3 of 8 | Medium: a real workaround |

Count behaviours, not opinions. A problem mentioned unprompted by six people, each with a specific story, beats a feature requested by one enthusiastic customer.

## Summary

- Ask about specific past events, not hypothetical futures or opinions about your idea.
- Look for workarounds and money already spent: they reveal real, costly problems.
- Listen far more than you talk, follow emotion, ask why, and never pitch.
- Synthesise by grouping observations and counting concrete behaviours.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "Which interview question follows the advice in this lesson best?",
                options: [
                  "Would you use an app that plans your meals?",
                  "Tell me about the last time you decided what to cook for dinner.",
                  "Don't you find meal planning stressful?",
                  "How much would you pay for a meal-planning app?",
                ],
                correct: 1,
                explanation:
                  "It asks about a specific past event. The others ask for predictions, lead the witness or invite a hopeful guess at a price.",
              },
              {
                type: "true_false",
                question: "A customer saying 'I'd definitely pay for that' is strong evidence that they will buy.",
                correct: false,
                explanation:
                  "Predictions about future behaviour are unreliable. Money or effort already spent on the problem is much stronger evidence.",
              },
              {
                type: "multiple_choice",
                question: "Which of these are strong signals that a problem is real and costly?",
                options: [
                  "The customer built a spreadsheet workaround",
                  "The customer already pays for a tool to solve it",
                  "The customer politely says your idea sounds great",
                  "Several customers describe recent, specific incidents unprompted",
                ],
                correct: [0, 1, 3],
                explanation:
                  "Workarounds, money spent and repeated specific stories are evidence. Compliments are not.",
              },
              {
                type: "short_answer",
                question:
                  "What is the name of Rob Fitzpatrick's book about asking questions people can't lie to you about?",
                accepted_answers: ["The Mom Test", "Mom Test", "the mom test"],
                explanation:
                  "The Mom Test (2013) recommends asking about people's lives and past behaviour rather than about your idea.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Deciding and measuring",
      lessons: [
        {
          kind: "video",
          title: "Prioritising with RICE",
          duration_seconds: 283,
          video_file: "product-rice-prioritisation.webm",
          transcript_file: "product-rice-prioritisation.vtt",
          learner_questions: [
            { at_seconds: 45, question: "Why does impact use 3, 2, 1, 0.5 and 0.25 instead of a 1 to 5 scale?" },
            { at_seconds: 62, question: "How do I pick a confidence value honestly?" },
            { at_seconds: 113, question: "Can you show how idea A gets to 800, step by step?" },
            { at_seconds: 143, question: "Why does live tutoring score lowest when its impact is massive?" },
            { at_seconds: 228, question: "What should I do when a security fix scores low on RICE?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 121, to_seconds: 150 },
            { from_seconds: 90, to_seconds: 120, weight: 0.6 },
          ],
          content_md: `**RICE = Reach × Impact × Confidence ÷ Effort**

| Idea | Reach / quarter | Impact | Confidence | Effort (person-months) | Score |
| --- | --- | --- | --- | --- | --- |
| A: reminder email | 2,000 | 1 | 80% | 2 | 800 |
| B: live tutoring | 500 | 3 | 50% | 1 | 750 |
| C: faster video player | 8,000 | 0.5 | 100% | 4 | 1,000 |

Impact scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "short_answer",
                question:
                  "An idea reaches 1,000 users per quarter, has impact 2, confidence 50% and effort 2 person-months. What is its RICE score?",
                accepted_answers: ["500"],
                explanation: "1,000 × 2 × 0.5 ÷ 2 = 500.",
              },
              {
                type: "single_choice",
                question: "Why did live tutoring rank last in the lesson's example despite having massive impact?",
                options: [
                  "Its effort was the highest",
                  "Low reach and low confidence cancelled out its high impact",
                  "Impact is not part of the RICE formula",
                  "It had no reach at all",
                ],
                correct: 1,
                explanation:
                  "Reach of 500 and confidence of 50% pulled its score down to 750, below ideas A (800) and C (1,000).",
              },
              {
                type: "true_false",
                question: "RICE scores capture deadlines and legal requirements automatically.",
                correct: false,
                explanation:
                  "RICE ignores deadlines, legal requirements and dependencies; use judgement for those cases and say so openly.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "Metrics that matter",
          duration_seconds: 223,
          learner_questions: [
            { question: "What's the difference between a vanity metric and an actionable one?" },
            { question: "How do I choose a North Star metric?" },
          ],
          content_md: `# Metrics that matter

"We shipped 14 features this quarter" describes **output**. "Weekly active learners grew from 8,000 to 9,600" describes an **outcome**. Good product teams are judged on outcomes, which means they need metrics that capture real customer value, respond to the team's work, and can't easily be gamed. This lesson shows how to choose them.

## Vanity metrics vs actionable metrics

A **vanity metric** makes you feel good but doesn't help you decide anything. Total registered users only ever goes up, even if everyone who signed up last year has left. Page views rise when the site is confusing and people click around lost.

An **actionable metric** is tied to customer behaviour and to decisions you can make:

| Vanity | Actionable alternative |
| --- | --- |
| Total sign-ups ever | Share of new sign-ups who complete a first lesson within 7 days |
| Page views | Tasks completed per session |
| App downloads | Users still active 30 days after install |
| Number of features shipped | Change in the behaviour each feature targeted |

A quick test: *if this number moved, would we do anything differently?* If not, it's vanity.

## The North Star metric

Many teams pick one **North Star metric** that best captures the value customers get from the product. Good examples share three properties: they reflect customer value, they predict long-term revenue, and the whole team can influence them.

| Product | Possible North Star |
| --- | --- |
| Music streaming | Time spent listening per week |
| Online learning | Weekly learners who complete at least one lesson |
| Marketplace | Number of successful transactions per week |
| Team chat | Messages sent by teams with at least three active members |

A North Star is usually a **lagging** indicator: it moves slowly. So teams break it down into **input metrics** they can influence directly, such as the share of new learners who finish a first lesson, or the number of courses with a quiz.

## Guardrail metrics

Any single metric can be pushed up in harmful ways. Sending more notifications can raise daily visits while annoying people into uninstalling. **Guardrail** (or counter) metrics protect against that: alongside the goal, you watch unsubscribe rate, refund rate, support tickets or page load time, and agree in advance that a win which breaks a guardrail is not a win.

This is Goodhart's law in action: *when a measure becomes a target, it ceases to be a good measure.* Pairing targets with guardrails keeps them honest.

## The funnel: where are people getting stuck?

Dave McClure's "pirate metrics", **AARRR**, describe a customer's journey:

1. **Acquisition** – people arrive.
2. **Activation** – they have a first good experience.
3. **Retention** – they come back.
4. **Referral** – they tell others.
5. **Revenue** – they pay.

Here is a month of data for an online learning app:

| Stage | People | Step conversion |
| --- | --- | --- |
| Visited the site | 10,000 | – |
| Signed up | 1,200 | 12% |
| Completed a first lesson (activated) | 480 | 40% |
| Became paying customers | 120 | 25% |

Overall, 120 / 10,000 = 1.2% of visitors become customers. Where should the team focus? Improving activation from 40% to 50% would give 600 activated learners and, at the same 25% payment rate, **150** customers: a 25% increase in revenue without a single extra visitor. Fixing the leakiest step in the middle of the funnel is often cheaper than buying more traffic at the top.

## Retention: the metric that tells the truth

Acquisition can be bought; retention can't. Track **cohorts**: groups of users who started in the same week, and the share still active after 1, 4 and 12 weeks.

| Cohort | Week 1 | Week 4 | Week 12 |
| --- | --- | --- | --- |
| Started 1 March | 45% | 22% | 12% |
| Started 1 April (new onboarding) | 52% | 30% | 19% |

If retention curves **flatten** (people who remain keep coming back), the product has found a core of users it truly serves. If they fall to zero, more marketing only fills a leaking bucket.

## Putting it together

For each initiative, write down before you start:

- the **outcome** you expect (e.g. "activation rises from 40% to 45%");
- the **metric** and how it is measured;
- the **guardrails** that must not get worse;
- **when** you will check.

Then compare against a control group (an A/B test) when you can, so that seasonal changes or marketing campaigns don't get the credit for your work, or the blame.

## Summary

- Judge work by outcomes (behaviour change), not output (features shipped).
- Prefer actionable metrics over vanity metrics; ask "would this change a decision?"
- A North Star metric captures customer value; input metrics make it actionable; guardrails stop you gaming it.
- Use the funnel to find the leakiest step and cohorts to see whether people stay.`,
        },
      ],
    },
  ],
};
