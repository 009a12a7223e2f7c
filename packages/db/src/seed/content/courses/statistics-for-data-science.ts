import type { DemoCourse } from "../types.js";

export const course: DemoCourse = {
  slug: "statistics-for-data-science",
  title: "Statistics for Data Science",
  subtitle: "Summaries, distributions, confidence intervals and p-values, explained with real numbers",
  description: `Every data science project rests on a handful of statistical ideas: how to summarise a column of numbers honestly, how much a sample can tell you about a population, and how to decide whether a difference is real or just noise. This course teaches those ideas slowly and concretely, with small datasets you can compute by hand before you let software do it.

You will learn when the median beats the mean, what a standard deviation actually measures, why the normal distribution appears everywhere, how to build and interpret a confidence interval, and what a p-value does and does not mean. Along the way you will meet famous failures, such as the 1936 Literary Digest poll, that show why the *way* data are collected matters as much as how much you have.

The course is for beginners: aspiring analysts and data scientists, developers moving into data work, and anyone who reads A/B test results or survey reports and wants to judge them properly. School-level algebra is all you need.`,
  category: "Data & AI",
  level: "beginner",
  pricing: { is_free: true, price: 0 },
  tags: ["statistics", "data science", "probability", "hypothesis testing"],
  outcomes: [
    "Choose between mean and median and measure spread with standard deviation and interquartile range",
    "Use z-scores and the 68–95–99.7 rule to reason about normally distributed data",
    "Compute a standard error and a 95% confidence interval, and interpret it correctly",
    "Run and interpret a hypothesis test for an A/B experiment",
    "Recognise sampling bias, multiple testing and the difference between statistical and practical significance",
  ],
  creator: "ada",
  thumbnail_file: "statistics-for-data-science.svg",
  modules: [
    {
      title: "Describing data",
      lessons: [
        {
          kind: "video",
          title: "Mean, median and spread",
          is_preview: true,
          duration_seconds: 277,
          video_file: "statistics-center-spread.webm",
          transcript_file: "statistics-center-spread.vtt",
          learner_questions: [
            { at_seconds: 35, question: "How is the mean 80 thousand when four of the five people earn less than 50?" },
            { at_seconds: 66, question: "How do I find the median when there is an even number of values?" },
            { at_seconds: 165, question: "Why do we square the deviations instead of just taking absolute values?" },
            { at_seconds: 200, question: "When should I divide by n minus one instead of n?" },
            {
              at_seconds: 218,
              question: "Why do pandas and NumPy give different standard deviations for the same data?",
            },
            { at_seconds: 238, question: "What's the difference between the interquartile range and the range?" },
          ],
          rewatch_hotspots: [{ from_seconds: 142, to_seconds: 212, weight: 1.1 }],
          content_md: `**Worked examples from the video**

- Salaries 30, 35, 40, 45, 250 (thousand $): mean = 80, median = 40.
- Data 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, population variance 32 / 8 = 4, standard deviation **2**; sample standard deviation √(32 / 7) ≈ **2.14**.
- pandas \`std()\` divides by n − 1 by default; NumPy \`std()\` divides by n unless you pass \`ddof=1\`.`,
        },
        {
          kind: "text",
          title: "The normal distribution and z-scores",
          duration_seconds: 222,
          learner_questions: [
            { question: "What does a z-score of -1.5 mean?" },
            { question: "How do I turn a z-score into a percentile?" },
          ],
          content_md: `# The normal distribution and z-scores

Measure the heights of a thousand adults, the weights of a thousand loaves from the same bakery, or the errors of a thousand careful measurements, and draw a histogram. Again and again you will see the same shape: a symmetric hill, highest in the middle and tailing off evenly on both sides. This is the **normal distribution**, also called the Gaussian or bell curve.

## Two numbers describe it completely

A normal distribution is fully described by:

- its **mean** μ (mu), which sets where the peak is, and
- its **standard deviation** σ (sigma), which sets how wide the hill is.

Change μ and the curve slides left or right. Increase σ and it becomes lower and wider. The total area under the curve is always 1 (100% of the data).

## The 68–95–99.7 rule

For any normal distribution:

| Range | Share of values |
| --- | --- |
| Within 1 standard deviation of the mean (μ ± σ) | about **68%** |
| Within 2 standard deviations (μ ± 2σ) | about **95%** |
| Within 3 standard deviations (μ ± 3σ) | about **99.7%** |

**Example.** IQ tests are designed to have mean 100 and standard deviation 15. So about 68% of people score between 85 and 115, about 95% between 70 and 130, and about 99.7% between 55 and 145.

Because the curve is symmetric, you can split these percentages in half. About 95% lie within 70–130, so about 5% lie outside, split evenly: roughly **2.5% score above 130**. (The exact figure for two standard deviations is 2.3%.)

## z-scores: a universal ruler

A **z-score** says how many standard deviations a value is from the mean:

> z = (x − μ) / σ

- z = 0: exactly average.
- z = 2: two standard deviations above the mean.
- z = −1.5: one and a half standard deviations below.

### Comparing apples and oranges

Two students took different entrance exams:

| Student | Score | Exam mean | Exam SD | z-score |
| --- | --- | --- | --- | --- |
| Amira | 1300 | 1050 | 200 | (1300 − 1050) / 200 = **1.25** |
| Ben | 28 | 21 | 5 | (28 − 21) / 5 = **1.40** |

The raw scores can't be compared, but the z-scores can: Ben did slightly better *relative to the people who took his exam*.

### From z-scores to percentiles

For normal data, each z-score corresponds to a percentile: the share of values below it.

| z | Share below | Share above |
| --- | --- | --- |
| −1 | 15.9% | 84.1% |
| 0 | 50% | 50% |
| 1 | 84.1% | 15.9% |
| 1.25 | 89.4% | 10.6% |
| 1.40 | 91.9% | 8.1% |
| 1.96 | 97.5% | 2.5% |
| 2 | 97.7% | 2.3% |
| 3 | 99.87% | 0.13% |

So, if both exams produced normal scores, Amira beat about 89% of her cohort and Ben about 92% of his. In Python, \`scipy.stats.norm.cdf(1.25)\` returns 0.894; in a spreadsheet, use \`NORM.S.DIST(1.25, TRUE)\`.

The value 1.96 in that table is worth remembering: 95% of a normal distribution lies between z = −1.96 and z = +1.96. It is the number behind 95% confidence intervals.

## Using z-scores to spot outliers

A common rule of thumb flags values with |z| > 3 as potential outliers, because in normal data fewer than 3 in 1,000 values lie that far out. If a delivery time has z = 4.2, something unusual probably happened: a data-entry error, a road closure, or a genuinely different kind of order. Investigate before you delete.

Be careful: in small or heavily skewed datasets, a single extreme value inflates the standard deviation and can hide itself. Robust alternatives use the median and the interquartile range instead.

## When data are *not* normal

Plenty of important data are not bell-shaped:

- **Incomes and house prices** are right-skewed: a long tail of very large values.
- **Waiting times** between events are often exponential.
- **Counts** of rare events (defects per day) follow other distributions, such as the Poisson.

Always plot a histogram before assuming normality. A Q-Q plot, which compares your data's quantiles with a normal distribution's, shows departures clearly: normal data fall on a straight line. Taking the logarithm of right-skewed data often makes it much more normal.

Why does the normal curve still matter so much? Because of the **central limit theorem**: averages of many independent values tend to be normally distributed, even when the individual values are not. That is why it is the foundation for confidence intervals and hypothesis tests, the subjects of the next two lessons.

## Summary

- A normal distribution is set by its mean μ and standard deviation σ.
- 68% / 95% / 99.7% of values lie within 1 / 2 / 3 standard deviations of the mean.
- z = (x − μ) / σ puts values from different scales on one ruler and converts to percentiles.
- |z| > 3 is a common outlier flag; always check whether your data are normal at all.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "short_answer",
                question: "A test has mean 60 and standard deviation 8. What is the z-score of a result of 76?",
                accepted_answers: ["2", "2.0", "z = 2", "+2"],
                explanation: "z = (76 − 60) / 8 = 16 / 8 = 2.",
              },
              {
                type: "single_choice",
                question:
                  "For normally distributed data, about what share of values lie within one standard deviation of the mean?",
                options: ["50%", "68%", "95%", "99.7%"],
                correct: 1,
                explanation: "The 68–95–99.7 rule: about 68% lie within μ ± σ.",
              },
              {
                type: "true_false",
                question: "Incomes are a good example of normally distributed data.",
                correct: false,
                explanation:
                  "Incomes are right-skewed, with a long tail of very high values. Always plot data before assuming normality.",
              },
              {
                type: "multiple_choice",
                question: "IQ scores have mean 100 and SD 15. Which statements are approximately true?",
                options: [
                  "About 95% of people score between 70 and 130",
                  "A score of 115 has z = 1",
                  "About half of people score above 100",
                  "A score of 145 is within one standard deviation of the mean",
                ],
                correct: [0, 1, 2],
                explanation:
                  "70–130 is μ ± 2σ (about 95%); (115 − 100) / 15 = 1; the mean of a symmetric distribution is also its median. 145 is three standard deviations above the mean.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "From samples to conclusions",
      lessons: [
        {
          kind: "video",
          title: "Sampling and confidence intervals",
          duration_seconds: 266,
          video_file: "statistics-sampling-confidence.webm",
          transcript_file: "statistics-sampling-confidence.vtt",
          learner_questions: [
            {
              at_seconds: 55,
              question: "Why divide by the square root of the sample size and not by the sample size itself?",
            },
            { at_seconds: 90, question: "Where does the 1.96 come from?" },
            { at_seconds: 140, question: "So is there a 95% chance that the true mean is in my interval, or not?" },
            { at_seconds: 168, question: "Why does halving the standard error take four times as many people?" },
            { at_seconds: 215, question: "How could 2.4 million responses get the election so wrong?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 129, to_seconds: 160, weight: 1.2 },
            { from_seconds: 49, to_seconds: 79, weight: 0.8 },
          ],
          content_md: `**Worked example from the video**

- n = 400 commuters, mean 30 minutes, standard deviation 12 minutes.
- Standard error = 12 / √400 = 0.6 minutes.
- 95% confidence interval = 30 ± 1.96 × 0.6 ≈ 30 ± 1.2 → **28.8 to 31.2 minutes**.
- Four times the sample size (1,600) halves the standard error (0.3) and the margin (≈ ±0.6).`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "short_answer",
                question:
                  "A sample of 100 values has a standard deviation of 20. What is the standard error of the mean?",
                accepted_answers: ["2", "2.0"],
                explanation: "Standard error = s / √n = 20 / √100 = 20 / 10 = 2.",
              },
              {
                type: "single_choice",
                question:
                  "You want to halve the width of a confidence interval. Roughly how must the sample size change?",
                options: ["Double it", "Multiply it by 4", "Multiply it by 10", "Halve it"],
                correct: 1,
                explanation:
                  "The standard error shrinks with √n, so halving it needs √n to double, which means four times as many observations.",
              },
              {
                type: "true_false",
                question: "A very large sample guarantees an accurate estimate even if the sampling method is biased.",
                correct: false,
                explanation:
                  "The 1936 Literary Digest poll had about 2.4 million responses and still predicted the wrong winner. Size reduces random error, not bias.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "Hypothesis tests and p-values",
          duration_seconds: 210,
          learner_questions: [
            { question: "Is a p-value the probability that the null hypothesis is true?" },
            { question: "What's the difference between statistical and practical significance?" },
          ],
          content_md: `# Hypothesis tests and p-values

Your team changes the colour of the "Sign up" button. The new version converts 6.5% of visitors; the old one converted 5.0%. Is the new button really better, or did you just get a lucky week? Hypothesis testing is a disciplined way to answer that question.

## The logic in one paragraph

Start by assuming the boring explanation: there is **no real difference**. This is the **null hypothesis**, H₀. Then ask: *if H₀ were true, how surprising would data like ours be?* If the answer is "very surprising", we have evidence against H₀. The measure of surprise is the **p-value**.

It is like a courtroom: the defendant (H₀) is presumed innocent, and we only convict when the evidence would be very unlikely under innocence.

## A worked A/B test

| Version | Visitors | Sign-ups | Conversion |
| --- | --- | --- | --- |
| A (old button) | 4,000 | 200 | 5.0% |
| B (new button) | 4,000 | 260 | 6.5% |

**Step 1 – Hypotheses.** H₀: both buttons have the same true conversion rate. H₁ (the alternative): the rates differ.

**Step 2 – Choose a significance level** *before* looking at the results. The conventional choice is α = 0.05.

**Step 3 – Compute a test statistic.** For two proportions we use a z-test. Under H₀, both groups share one rate, estimated from all the data: 460 / 8,000 = 5.75%. The standard error of the difference is

> SE = √(0.0575 × 0.9425 × (1/4000 + 1/4000)) ≈ 0.0052

The observed difference is 6.5% − 5.0% = 0.015, so

> z = 0.015 / 0.0052 ≈ 2.88

**Step 4 – Find the p-value.** How often would a difference at least 2.88 standard errors away from zero, in either direction, happen by chance alone? For a normal distribution the answer is about **0.004**, or 0.4%.

**Step 5 – Decide.** Since 0.004 < 0.05, we **reject H₀**. The data would be very surprising if the buttons performed the same, so we conclude that B's higher rate is unlikely to be luck.

In Python, \`statsmodels.stats.proportion.proportions_ztest([260, 200], [4000, 4000])\` performs the same test.

## What a p-value is, and is not

The p-value is **the probability of getting results at least as extreme as yours, assuming the null hypothesis is true.**

It is **not**:

- the probability that H₀ is true (p = 0.004 does not mean "0.4% chance the buttons are equal");
- the probability that your result is a fluke in everyday language;
- a measure of how big or important the effect is.

## Errors you can make

| | H₀ actually true | H₀ actually false |
| --- | --- | --- |
| **Reject H₀** | Type I error (false positive), probability α | Correct: the test had enough **power** |
| **Don't reject H₀** | Correct | Type II error (false negative) |

With α = 0.05, you accept a 5% chance of a false positive *each time you test a true null*. To reduce false negatives, you need more **power**, which mainly means a larger sample.

## Statistical vs practical significance

A p-value says whether an effect is distinguishable from zero, not whether it matters. With ten million visitors per group, a difference of 5.00% vs 5.02% can be "highly significant" and still be worthless. Always report the **effect size** with a **confidence interval**. For our test, the 95% interval for the difference is roughly **0.5 to 2.5 percentage points**: real, and probably worth having, though the true gain could be quite modest.

## Three classic traps

1. **Multiple testing.** Test 20 button colours that are all truly identical, at α = 0.05, and the chance that at least one looks "significant" is 1 − 0.95²⁰ ≈ **64%**. Decide your main comparison in advance, or adjust α (the Bonferroni correction divides it by the number of tests).
2. **Peeking.** Checking the p-value every day and stopping as soon as it dips below 0.05 greatly inflates false positives. Fix the sample size in advance, or use methods designed for sequential testing.
3. **"Not significant" ≠ "no effect".** A large p-value may just mean the sample was too small to detect a real difference. Absence of evidence is not evidence of absence.

## Summary

- Assume no effect (H₀), then measure how surprising the data would be: that is the p-value.
- If p < α (often 0.05), reject H₀; otherwise, you don't have enough evidence.
- A p-value is not the probability that H₀ is true, and not a measure of importance.
- Report effect sizes with confidence intervals, plan tests in advance, and beware of multiple comparisons and peeking.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "Which statement correctly describes a p-value of 0.03?",
                options: [
                  "There is a 3% chance the null hypothesis is true",
                  "If the null hypothesis were true, results at least this extreme would occur about 3% of the time",
                  "The effect is 3% larger than expected",
                  "There is a 97% chance the alternative hypothesis is true",
                ],
                correct: 1,
                explanation:
                  "A p-value is computed assuming H₀ is true; it is the probability of data at least as extreme as those observed.",
              },
              {
                type: "true_false",
                question: "A result that is not statistically significant proves there is no effect.",
                correct: false,
                explanation:
                  "A large p-value may just reflect a small sample or low power. Absence of evidence is not evidence of absence.",
              },
              {
                type: "multiple_choice",
                question: "Which practices inflate the rate of false positives?",
                options: [
                  "Testing many variants and reporting only the one with p < 0.05",
                  "Stopping the test as soon as the p-value drops below 0.05",
                  "Fixing the sample size before the experiment starts",
                  "Choosing α after seeing the results",
                ],
                correct: [0, 1, 3],
                explanation:
                  "Multiple testing, peeking and choosing α after the fact all increase false positives. Fixing the sample size in advance is good practice.",
              },
              {
                type: "short_answer",
                question: "What is the name of the error of rejecting a null hypothesis that is actually true?",
                accepted_answers: ["Type I error", "type 1 error", "false positive", "Type I", "type one error"],
                explanation:
                  "A Type I error is a false positive; its probability, when H₀ is true, is the significance level α.",
              },
            ],
          },
        },
      ],
    },
  ],
};
