import type { DemoCourse } from "../types.js";

export const course: DemoCourse = {
  slug: "machine-learning-fundamentals",
  title: "Machine Learning Fundamentals",
  subtitle: "How models learn from data, how to train them and how to tell whether they really work",
  description: `Machine learning is everywhere, from spam filters to recommendation systems and large language models, but the core ideas behind it are surprisingly compact. This course teaches those ideas from first principles: what it means to learn from data, how a model is trained by gradient descent, why models overfit, and how to measure performance honestly.

You will train a linear regression by hand, step by step, and see exactly how the learning rate makes training converge or explode. You will learn to split data into training, validation and test sets without leaking information, to diagnose underfitting and overfitting, and to evaluate classifiers with precision, recall and F1 rather than misleading accuracy.

The course is for developers, analysts and students who are comfortable with basic algebra and a little programming, and who want a solid conceptual foundation before diving into libraries such as scikit-learn or PyTorch. Familiarity with means and standard deviations (see *Statistics for Data Science*) will help.`,
  category: "Data & AI",
  level: "intermediate",
  pricing: { is_free: false, price: 49 },
  tags: ["machine learning", "ai", "gradient descent", "model evaluation", "data science"],
  outcomes: [
    "Explain supervised, unsupervised and reinforcement learning with concrete examples",
    "Train a linear regression with gradient descent and choose a sensible learning rate",
    "Split data into training, validation and test sets and avoid data leakage",
    "Diagnose underfitting and overfitting and apply regularisation and early stopping",
    "Evaluate classifiers with a confusion matrix, precision, recall and F1",
  ],
  creator: "ada",
  thumbnail_file: "machine-learning-fundamentals.svg",
  modules: [
    {
      title: "How machines learn",
      lessons: [
        {
          kind: "video",
          title: "What learning from data means",
          is_preview: true,
          duration_seconds: 267,
          video_file: "ml-learning-from-data.webm",
          transcript_file: "ml-learning-from-data.vtt",
          learner_questions: [
            { at_seconds: 40, question: "How many labelled examples does a spam filter need?" },
            {
              at_seconds: 70,
              question:
                "Can you explain Mitchell's definition with experience E, task T and performance P more simply?",
            },
            { at_seconds: 116, question: "What's the difference between a parameter and a feature?" },
            { at_seconds: 145, question: "Why square the differences in the mean squared error?" },
            { at_seconds: 168, question: "Is predicting a star rating from 1 to 5 classification or regression?" },
            { at_seconds: 210, question: "If a model scores perfectly on its training data, why is that bad?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 61, to_seconds: 88, weight: 0.9 },
            { from_seconds: 201, to_seconds: 227, weight: 0.6 },
          ],
          content_md: `**Vocabulary from the video**

| Term | Meaning | House-price example |
| --- | --- | --- |
| Example | One row of data | One house |
| Features | Inputs the model sees | Floor area, bedrooms, location |
| Label / target | What we predict | Sale price |
| Parameters | Numbers the model learns | Price per m² and base amount |
| Loss | How wrong the predictions are | Mean squared error |`,
        },
        {
          kind: "text",
          title: "Training, validation and test sets",
          duration_seconds: 215,
          learner_questions: [
            { question: "Why do I need a validation set as well as a test set?" },
            { question: "What counts as data leakage?" },
          ],
          content_md: `# Training, validation and test sets

A model that scores 99% on the data it was trained on may be brilliant, or it may simply have memorised the answers. The only way to know is to measure it on data it has **never seen**. This lesson shows how to split your data so that your measurements are honest, and how to avoid the subtle leaks that make models look better than they are.

## Three sets, three jobs

| Set | Typical share | Used for | Touched how often |
| --- | --- | --- | --- |
| **Training** | 60–80% | Fitting the model's parameters | Constantly |
| **Validation** | 10–20% | Choosing between models and settings (hyperparameters) | Many times |
| **Test** | 10–20% | One final, unbiased estimate of performance | Once, at the end |

Think of a student preparing for an exam. The **training set** is the textbook exercises. The **validation set** is the mock exams used to decide how to revise. The **test set** is the real exam, sealed until the end. If the student sees the real exam in advance, their score tells you nothing about what they've learned.

### Why a validation set as well as a test set?

Every time you compare settings (the learning rate, the depth of a tree, which features to include) using some data, you are *fitting to that data a little*. Try 50 configurations on the test set and pick the best, and its score is now optimistic, because you selected it partly for being lucky on those particular examples. Keeping the test set locked away until your final choice is made keeps it honest.

## Cross-validation for small datasets

With only a few thousand examples, setting aside 20% for validation is costly and makes the estimate noisy. **k-fold cross-validation** uses the data more efficiently:

1. Split the training data into k equal folds, typically k = 5.
2. Train on 4 folds and validate on the 5th.
3. Repeat 5 times, so every fold is the validation fold exactly once.
4. Average the 5 scores (and look at their spread).

Each example is used for validation once and for training four times. The test set is still kept separate.

\`\`\`python
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.linear_model import LogisticRegression

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42
)
scores = cross_val_score(LogisticRegression(max_iter=1000), X_train, y_train, cv=5)
print(scores.mean(), scores.std())
\`\`\`

\`stratify=y\` keeps the share of each class the same in every split, which matters when one class is rare (for example, 2% fraud).

## Data leakage: the silent killer

**Leakage** happens when information from outside the training data sneaks into training. The model then looks great in evaluation and disappoints in production. Common forms:

- **Preprocessing on the full dataset.** If you compute the mean and standard deviation for scaling using *all* the data before splitting, the training process has peeked at the test set. Fit scalers, encoders and imputers on the training data only, then apply them to validation and test data. scikit-learn's \`Pipeline\` does this for you inside cross-validation.
- **Duplicates across splits.** The same customer, patient or photo appearing in both training and test sets lets the model recognise rather than generalise. Split by *group* (for example by patient ID) with tools like \`GroupKFold\`.
- **Time travel.** For time-ordered data such as sales or prices, a random split lets the model learn from the future. Train on earlier periods and test on later ones: for example, train on 2021–2023 and test on 2024.
- **Target leakage.** A feature that is only known *after* the outcome, such as "number of calls to the collections team" when predicting loan default, makes predictions look magical and useless at the same time.

A useful sanity check: if a result seems too good to be true, look for leakage before celebrating.

## How big should the test set be?

Big enough that its score is precise. With 100 test examples, an accuracy of 90% has a 95% confidence interval of roughly ±6 percentage points; with 10,000 examples, it is about ±0.6. For large datasets, 1–5% can be plenty; for small ones, prefer cross-validation plus a modest test set.

## Summary

- Train on the training set, tune on the validation set (or with cross-validation), and report the test set once.
- Use stratified splits for imbalanced classes, group splits for repeated entities, and time-based splits for temporal data.
- Fit all preprocessing on training data only; pipelines make this automatic.
- Suspiciously good results usually mean leakage.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "What is the validation set mainly used for?",
                options: [
                  "Fitting the model's parameters",
                  "Choosing between models and hyperparameters",
                  "Reporting the final performance estimate",
                  "Storing examples with missing labels",
                ],
                correct: 1,
                explanation:
                  "The training set fits parameters, the validation set guides choices such as hyperparameters, and the test set gives the final estimate once.",
              },
              {
                type: "true_false",
                question:
                  "It is fine to compute scaling statistics (mean and standard deviation) on the whole dataset before splitting.",
                correct: false,
                explanation:
                  "That leaks information from the test set into training. Fit preprocessing on the training data only, for example with a Pipeline.",
              },
              {
                type: "multiple_choice",
                question: "Which situations are examples of data leakage?",
                options: [
                  "The same patient's scans appear in both training and test sets",
                  "A random split of daily sales lets the model train on future dates",
                  "Using 5-fold cross-validation on the training set",
                  "A feature that is only recorded after the outcome happens",
                ],
                correct: [0, 1, 3],
                explanation:
                  "Shared entities, future data and post-outcome features all leak information. Cross-validation on the training set is a standard, leak-free technique.",
              },
              {
                type: "short_answer",
                question: "In 5-fold cross-validation, how many times is each example used for validation?",
                accepted_answers: ["1", "once", "one"],
                explanation:
                  "Each fold is the validation fold exactly once, so each example is validated once and used for training four times.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Models and optimisation",
      lessons: [
        {
          kind: "video",
          title: "Linear regression and gradient descent",
          duration_seconds: 281,
          video_file: "ml-gradient-descent.webm",
          transcript_file: "ml-gradient-descent.vtt",
          learner_questions: [
            { at_seconds: 58, question: "What does the loss landscape look like with two parameters?" },
            { at_seconds: 78, question: "Why do we step in the opposite direction to the gradient?" },
            { at_seconds: 118, question: "Where does the gradient 2 times (w minus 3) come from?" },
            { at_seconds: 138, question: "How did w go from 0.6 to 1.08? I don't get the sign." },
            { at_seconds: 170, question: "Why does a learning rate of 1.1 overshoot and diverge?" },
            { at_seconds: 236, question: "Why does scaling the features make gradient descent faster?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 102, to_seconds: 163, weight: 1.3 },
            { from_seconds: 164, to_seconds: 190, weight: 0.7 },
          ],
          content_md: `**The worked example from the video**: minimise L(w) = (w − 3)², gradient 2(w − 3).

| Step | w (learning rate 0.1) | gap to 3 | w (learning rate 1.1) |
| --- | --- | --- | --- |
| 0 | 0 | 3 | 0 |
| 1 | 0.6 | 2.4 | 6.6 |
| 2 | 1.08 | 1.92 | −1.32 |

With rate 0.1 the gap shrinks by 20% per step; with rate 1.1 each step overshoots further and training diverges.

\`\`\`python
w, lr = 0.0, 0.1
for step in range(20):
    w -= lr * 2 * (w - 3)
print(round(w, 3))  # 2.965
\`\`\``,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "short_answer",
                question:
                  "Minimising L(w) = (w − 3)² from w = 0 with learning rate 0.1, what is w after the first step?",
                accepted_answers: ["0.6", ".6", "0.60"],
                explanation: "The gradient at 0 is 2(0 − 3) = −6, so w = 0 − 0.1 × (−6) = 0.6.",
              },
              {
                type: "single_choice",
                question: "Your training loss grows larger every step. What is the first thing to suspect?",
                options: [
                  "The learning rate is too large",
                  "The learning rate is too small",
                  "There is too much data",
                  "The features are perfectly scaled",
                ],
                correct: 0,
                explanation:
                  "A learning rate that is too large overshoots the minimum by more each step, so the loss diverges.",
              },
              {
                type: "true_false",
                question:
                  "Stochastic gradient descent estimates the gradient from a random mini-batch of examples rather than the whole dataset.",
                correct: true,
                explanation:
                  "Using mini-batches (for example 32 or 256 examples) makes each step much cheaper on large datasets.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "Overfitting, underfitting and regularisation",
          duration_seconds: 208,
          learner_questions: [
            { question: "How do I tell overfitting from underfitting using the two scores?" },
            { question: "What does regularisation actually penalise?" },
          ],
          content_md: `# Overfitting, underfitting and regularisation

Every model sits somewhere between two failures. Too simple, and it misses real patterns: **underfitting**. Too flexible, and it learns the noise in its training data as if it were signal: **overfitting**. This lesson shows how to tell which problem you have, and what to do about each.

## A picture in words

Imagine 30 noisy measurements that follow a gentle curve. Fit three polynomials:

- **Degree 1 (a straight line)** cuts through the curve and misses its bend. Errors are large on training *and* validation data. That is underfitting.
- **Degree 3** follows the curve and ignores the noise. Errors are small on both.
- **Degree 15** wiggles through almost every training point, bending wildly in between. Training error is nearly zero, but on new points the predictions are far off. That is overfitting.

## Diagnose with two numbers

Compare the training error with the validation error. Here is an illustrative result for the three polynomials above (root mean squared error, lower is better):

| Model | Training error | Validation error | Diagnosis |
| --- | --- | --- | --- |
| Degree 1 | 4.1 | 4.3 | Underfitting: both high, close together |
| Degree 3 | 1.0 | 1.2 | Good fit: both low, small gap |
| Degree 15 | 0.1 | 6.8 | Overfitting: training low, large gap |

The rule of thumb:

- **High training error** → the model cannot even fit the data it has seen → underfitting (high **bias**).
- **Low training error, much higher validation error** → the model does not generalise → overfitting (high **variance**).

## Fixing underfitting

- Use a more flexible model (more features, higher degree, deeper trees, a bigger network).
- Engineer better features; for example, add "age of house squared" if value drops faster for older homes.
- Train for longer, or reduce regularisation.

## Fixing overfitting

1. **Get more data.** The most reliable cure: noise averages out, and wiggles that fit one sample don't fit the next.
2. **Simplify the model.** Fewer features, lower degree, shallower trees.
3. **Regularise.** Penalise complexity directly in the loss.
4. **Stop early.** Stop training when the validation error stops improving.
5. **Use ensembles or dropout** (for neural networks), which prevent any single part of the model from relying on noise.

## Regularisation: paying for large weights

Overfit models usually have extreme parameter values: large positive and negative weights that cancel out on training points and explode in between. Regularisation adds a penalty for large weights to the loss:

> loss = prediction error + λ × penalty(weights)

The strength λ (lambda) is a hyperparameter, chosen on the validation set.

| | L2 (Ridge) | L1 (Lasso) |
| --- | --- | --- |
| Penalty | Sum of squared weights | Sum of absolute weights |
| Effect | Shrinks all weights smoothly towards zero | Pushes some weights to exactly zero |
| Useful when | Many features each matter a little | You suspect only a few features matter; gives automatic feature selection |

Setting λ too high causes underfitting (the model is forced to be too simple); too low does nothing. Because the penalty depends on the size of the weights, **scale your features first**, or features measured in large units will be penalised unfairly.

\`\`\`python
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

model = make_pipeline(PolynomialFeatures(degree=15), StandardScaler(), Ridge(alpha=1.0))
\`\`\`

In scikit-learn the strength is called \`alpha\`. Even the degree-15 polynomial becomes well-behaved with a suitable value.

## Early stopping

When training iteratively (for example with gradient descent), watch both curves after each pass over the data (each *epoch*). Training error keeps falling; validation error falls, flattens and then starts rising. The point where validation error is lowest is where to stop. In practice, keep the best model so far and stop if there is no improvement for a set number of epochs (the *patience*).

## The bias–variance trade-off

The expected error of a model on new data can be split into three parts:

- **Bias**: error from wrong assumptions (too simple).
- **Variance**: error from sensitivity to the particular training sample (too flexible).
- **Irreducible noise**: randomness no model can predict.

Increasing flexibility lowers bias and raises variance. The best model balances the two, and regularisation gives you a dial to find that balance.

## Summary

- Underfitting: high training error. Overfitting: low training error, much higher validation error.
- Cures for overfitting: more data, simpler models, regularisation, early stopping.
- L2 shrinks weights smoothly; L1 sets some to zero. Tune λ on validation data and scale features first.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "A model has training error 0.2 and validation error 5.9. What is the most likely problem?",
                options: ["Underfitting", "Overfitting", "A learning rate that is too small", "Perfect generalisation"],
                correct: 1,
                explanation:
                  "Very low training error with much higher validation error means the model fits its training data but does not generalise: overfitting.",
              },
              {
                type: "multiple_choice",
                question: "Which actions typically reduce overfitting?",
                options: [
                  "Collecting more training data",
                  "Adding L2 regularisation",
                  "Increasing the polynomial degree",
                  "Early stopping",
                ],
                correct: [0, 1, 3],
                explanation:
                  "More data, regularisation and early stopping all reduce overfitting. A higher degree makes the model more flexible and usually worsens it.",
              },
              {
                type: "true_false",
                question: "L1 (Lasso) regularisation can set some weights to exactly zero.",
                correct: true,
                explanation:
                  "The absolute-value penalty pushes unhelpful weights all the way to zero, which performs automatic feature selection.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "Evaluating classifiers: precision, recall and F1",
          duration_seconds: 193,
          learner_questions: [
            { question: "When should I care more about recall than precision?" },
            { question: "Why is accuracy misleading when one class is rare?" },
          ],
          content_md: `# Evaluating classifiers: precision, recall and F1

"Our model is 97% accurate" sounds impressive. But if only 3% of transactions are fraudulent, a model that **never** flags fraud is also 97% accurate, and completely useless. For classification, accuracy alone hides the mistakes you care about most. This lesson introduces the tools professionals use instead.

## The confusion matrix

Suppose a spam filter is tested on **1,000 emails**, of which **100 are really spam**. It flags 90 emails as spam; 80 of those really are spam.

| | Predicted spam | Predicted not spam | Total |
| --- | --- | --- | --- |
| **Actually spam** | 80 (true positives, TP) | 20 (false negatives, FN) | 100 |
| **Actually not spam** | 10 (false positives, FP) | 890 (true negatives, TN) | 900 |

Every evaluation metric for a yes/no classifier is built from these four numbers.

## Accuracy

> accuracy = (TP + TN) / total = (80 + 890) / 1000 = **97%**

Now compare with the lazy baseline that marks nothing as spam: it gets all 900 genuine emails right and all 100 spam wrong, for **90%** accuracy. Our filter is better, but the headline number makes the gap look small and says nothing about *which* mistakes it makes.

## Precision: when it says yes, is it right?

> precision = TP / (TP + FP) = 80 / 90 ≈ **0.89**

Of the emails flagged as spam, 89% really were spam. Precision matters when **false positives are costly**: every genuine email sent to the spam folder might be a job offer or an invoice.

## Recall: of all the real cases, how many did it catch?

> recall = TP / (TP + FN) = 80 / 100 = **0.80**

The filter caught 80% of the spam. Recall (also called *sensitivity* or the *true positive rate*) matters when **false negatives are costly**: a cancer screening test that misses patients, or a fraud model that lets theft through.

## The trade-off and the threshold

Most classifiers output a score, such as a probability of 0.73, and flag an email as spam if the score is above a **threshold**, often 0.5 by default.

| Threshold | Effect | Precision | Recall |
| --- | --- | --- | --- |
| Raise it (e.g. 0.9) | Flag only very confident cases | Goes up | Goes down |
| Lower it (e.g. 0.2) | Flag anything suspicious | Goes down | Goes up |

There is no free lunch: choose the threshold based on the costs of each mistake. A spam filter might favour precision; a screening test usually favours recall and sends positives for a second, more precise test.

## F1: one number that balances both

When you need a single score, the **F1 score** is the harmonic mean of precision and recall:

> F1 = 2 × precision × recall / (precision + recall)

For our filter: 2 × 0.889 × 0.80 / (0.889 + 0.80) ≈ **0.84**.

The harmonic mean punishes imbalance. A model with precision 1.0 and recall 0.1 has an ordinary average of 0.55, but an F1 of only **0.18**. You cannot score well on F1 by sacrificing one metric entirely.

## Threshold-free views

- A **precision–recall curve** plots precision against recall for every possible threshold. It is the most informative picture when the positive class is rare.
- The **ROC curve** plots the true positive rate against the false positive rate (FP / (FP + TN)). The area under it, **ROC AUC**, is the probability that a randomly chosen positive gets a higher score than a randomly chosen negative: 0.5 is random guessing, 1.0 is perfect.

## In code

\`\`\`python
from sklearn.metrics import classification_report, confusion_matrix

print(confusion_matrix(y_true, y_pred))
print(classification_report(y_true, y_pred, digits=2))
\`\`\`

\`classification_report\` prints precision, recall and F1 for each class, plus averages.

## Choosing the right metric

| Situation | Focus on |
| --- | --- |
| Classes balanced, errors equally costly | Accuracy is fine |
| False positives are expensive (spam, legal flags) | Precision |
| False negatives are expensive (disease, fraud, safety) | Recall |
| Need one number, rare positive class | F1 or area under the precision–recall curve |

## Summary

- Build the confusion matrix first: TP, FP, FN, TN.
- Precision = TP / (TP + FP); recall = TP / (TP + FN); F1 is their harmonic mean.
- Accuracy misleads on imbalanced data; always compare against a trivial baseline.
- Moving the decision threshold trades precision against recall; choose it from the costs of each error.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "short_answer",
                question: "A model has 40 true positives and 10 false positives. What is its precision (as a decimal)?",
                accepted_answers: ["0.8", ".8", "0.80", "80%"],
                explanation: "Precision = TP / (TP + FP) = 40 / 50 = 0.8.",
              },
              {
                type: "single_choice",
                question: "For a cancer screening test, which error is usually most important to minimise?",
                options: ["False positives", "False negatives", "True negatives", "True positives"],
                correct: 1,
                explanation:
                  "Missing a real case (a false negative) is usually the costliest error, so screening tests prioritise recall.",
              },
              {
                type: "true_false",
                question: "Raising the decision threshold usually increases precision and decreases recall.",
                correct: true,
                explanation:
                  "A higher threshold flags only the most confident cases: fewer false positives, but more real cases missed.",
              },
            ],
          },
        },
      ],
    },
  ],
};
