import type { DemoCourse } from "../types.js";

export const course: DemoCourse = {
  slug: "linear-algebra-intuition",
  title: "Linear Algebra, Visually",
  subtitle: "Vectors, matrices, determinants and eigenvectors as pictures you can reason with",
  description: `Linear algebra is the mathematics behind computer graphics, search engines, statistics and every neural network. Yet many people learn it as a set of rules for shuffling numbers in grids, without ever seeing what those rules *mean*.

This course builds the geometric intuition first. A vector is an arrow and a list of numbers at the same time. A matrix is a motion of space, recorded by where it sends the basis vectors. The determinant tells you how areas scale, and eigenvectors are the directions a transformation leaves pointing the same way. Each idea is worked through with small numbers you can check by hand.

It is aimed at learners who know school algebra and want to understand linear algebra properly: data scientists filling a gap, engineering and computer-science students who want the "why" behind their course, and self-learners heading towards machine learning.`,
  category: "Mathematics",
  level: "intermediate",
  pricing: { is_free: false, price: 39 },
  tags: ["linear algebra", "vectors", "matrices", "eigenvectors", "mathematics"],
  outcomes: [
    "Add, scale and measure vectors and express any vector as a linear combination of basis vectors",
    "Use the dot product to find angles, projections and cosine similarity",
    "Read a matrix as a transformation by looking at where it sends the basis vectors",
    "Compute 2×2 determinants and interpret them as area scale factors, including orientation flips and zero",
    "Find eigenvalues and eigenvectors of a 2×2 matrix and explain what they reveal",
  ],
  creator: "ada",
  thumbnail_file: "linear-algebra-intuition.svg",
  modules: [
    {
      title: "Vectors",
      lessons: [
        {
          kind: "video",
          title: "What is a vector?",
          is_preview: true,
          duration_seconds: 263,
          video_file: "linear-algebra-vectors.webm",
          transcript_file: "linear-algebra-vectors.vtt",
          learner_questions: [
            {
              at_seconds: 20,
              question: "If position doesn't matter, how can two arrows in different places be the same vector?",
            },
            { at_seconds: 64, question: "Why do we put the tail of one arrow on the tip of the other to add them?" },
            { at_seconds: 118, question: "Does the length formula still work when some entries are negative?" },
            { at_seconds: 158, question: "What exactly is a linear combination?" },
            { at_seconds: 186, question: "Why do 1,2 and 2,4 only span a line?" },
          ],
          rewatch_hotspots: [{ from_seconds: 136, to_seconds: 193 }],
          content_md: `**Key formulas**

- Addition: (3, 2) + (1, 4) = (4, 6)
- Scaling: 2 · (3, 2) = (6, 4)
- Length: ‖(3, 4)‖ = √(3² + 4²) = 5
- Basis: (3, 2) = 3î + 2ĵ, with î = (1, 0) and ĵ = (0, 1)`,
        },
        {
          kind: "text",
          title: "The dot product and angles",
          duration_seconds: 191,
          learner_questions: [
            { question: "What does a negative dot product mean?" },
            { question: "How is cosine similarity used with word vectors?" },
          ],
          content_md: `# The dot product and angles

Adding and scaling vectors gives new vectors. The **dot product** does something different: it takes two vectors and returns a single number that tells you how much they point in the same direction. It is the tool behind angles, projections, and the "similarity" scores used by search engines and recommendation systems.

## Two definitions that agree

**Algebraically**, multiply matching entries and add:

> **a** · **b** = a₁b₁ + a₂b₂ + … + aₙbₙ

For **a** = (3, 4) and **b** = (4, 3): 3 × 4 + 4 × 3 = 12 + 12 = **24**.

**Geometrically**, it is the product of the lengths and the cosine of the angle θ between the vectors:

> **a** · **b** = ‖**a**‖ ‖**b**‖ cos θ

The remarkable fact is that these always give the same number. That lets us compute angles from coordinates alone.

## Finding an angle

Rearranging the geometric formula:

> cos θ = (**a** · **b**) / (‖**a**‖ ‖**b**‖)

Worked example with **a** = (3, 4) and **b** = (4, 3):

1. Dot product: 24.
2. Lengths: ‖**a**‖ = √(9 + 16) = 5 and ‖**b**‖ = 5.
3. cos θ = 24 / (5 × 5) = 0.96.
4. θ = arccos(0.96) ≈ **16.3°**.

The two arrows point in nearly the same direction, as a quick sketch confirms.

## What the sign tells you

Because lengths are never negative, the sign of the dot product comes from cos θ alone:

| Dot product | Angle | Meaning |
| --- | --- | --- |
| Positive | Less than 90° | Pointing broadly the same way |
| Zero | Exactly 90° | Perpendicular (orthogonal) |
| Negative | More than 90° | Pointing broadly in opposite directions |

For example, (1, 2) · (−2, 1) = −2 + 2 = 0, so these two vectors are perpendicular. Checking whether a dot product is zero is the standard test for perpendicularity, in any number of dimensions.

## Projection: how much of one vector lies along another

Shine a light straight down onto the line through **b**; the shadow of **a** on that line is the **projection** of **a** onto **b**. Its signed length is

> (**a** · **b**) / ‖**b**‖

Example: project **a** = (3, 4) onto the x-axis direction **b** = (1, 0). The dot product is 3 and ‖**b**‖ = 1, so the shadow has length 3. Of course: the x-component of (3, 4) is 3. The dot product with a unit vector simply *reads off the component* in that direction.

The projection vector itself is

> proj_**b** **a** = ((**a** · **b**) / (**b** · **b**)) **b**

Projections appear in physics (the work done by a force is force · displacement) and in statistics (least-squares regression projects the data onto the space the model can reach).

## Cosine similarity in data science

Suppose three users rate three films on a 0–5 scale (0 = not seen):

| User | Film 1 | Film 2 | Film 3 |
| --- | --- | --- | --- |
| A | 5 | 3 | 0 |
| B | 4 | 2 | 1 |
| C | 0 | 1 | 5 |

Treat each row as a vector and compute the cosine of the angle between users:

- A · B = 20 + 6 + 0 = 26; ‖A‖ = √34 ≈ 5.83; ‖B‖ = √21 ≈ 4.58. Cosine ≈ 26 / 26.72 ≈ **0.97**: very similar taste.
- A · C = 0 + 3 + 0 = 3; ‖C‖ = √26 ≈ 5.10. Cosine ≈ 3 / 29.73 ≈ **0.10**: very different taste.

So a recommender would suggest to A the films that B liked. The same calculation, with vectors of hundreds of dimensions, is how semantic search compares the meaning of a question with the meaning of documents.

Cosine similarity ignores length. A user who rates everything twice as high has the same direction, and therefore the same cosine, which is usually what we want when comparing tastes or topics.

## Common mistakes

- The dot product of two vectors is a **number**, not a vector.
- Both vectors must have the **same number of entries**.
- A dot product of zero means perpendicular, **not** that either vector is zero (unless one actually is).

## Summary

- **a** · **b** = sum of products of matching entries = ‖**a**‖ ‖**b**‖ cos θ.
- Positive, zero and negative dot products mean acute, right and obtuse angles.
- Dividing by a length gives a projection; dividing by both lengths gives cosine similarity.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "short_answer",
                question: "Compute the dot product (2, 5) · (3, −1).",
                accepted_answers: ["1"],
                explanation: "2 × 3 + 5 × (−1) = 6 − 5 = 1.",
              },
              {
                type: "single_choice",
                question: "The dot product of two non-zero vectors is 0. What is the angle between them?",
                options: ["0°", "45°", "90°", "180°"],
                correct: 2,
                explanation:
                  "a · b = ‖a‖‖b‖ cos θ. With non-zero lengths, the product is 0 only when cos θ = 0, i.e. θ = 90°.",
              },
              {
                type: "true_false",
                question: "Cosine similarity changes if you multiply one of the vectors by 2.",
                correct: false,
                explanation:
                  "Cosine similarity divides by both lengths, so scaling a vector by a positive number does not change it. Only direction matters.",
              },
              {
                type: "multiple_choice",
                question: "Which pairs of vectors are perpendicular?",
                options: ["(1, 2) and (−2, 1)", "(3, 4) and (4, 3)", "(1, 0) and (0, 5)", "(2, 2) and (1, −1)"],
                correct: [0, 2, 3],
                explanation:
                  "Their dot products are −2 + 2 = 0, 0 + 0 = 0 and 2 − 2 = 0. (3, 4) · (4, 3) = 24, so that pair is not perpendicular.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Matrices as transformations",
      lessons: [
        {
          kind: "video",
          title: "Matrices move space",
          duration_seconds: 288,
          video_file: "linear-algebra-matrices-transform.webm",
          transcript_file: "linear-algebra-matrices-transform.vtt",
          learner_questions: [
            {
              at_seconds: 28,
              question: "Why doesn't shifting the whole plane sideways count as a linear transformation?",
            },
            { at_seconds: 76, question: "Which column is the new i hat and which one is the new j hat?" },
            { at_seconds: 126, question: "How did three, two become minus two, three after the rotation?" },
            { at_seconds: 192, question: "Why does the order of the rotation and the shear change the result?" },
            { at_seconds: 213, question: "Why do we read a matrix product from right to left?" },
            { at_seconds: 232, question: "Why can't a matrix that squashes the plane onto a line be undone?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 170, to_seconds: 217, weight: 1.3 },
            { from_seconds: 116, to_seconds: 143, weight: 0.7 },
          ],
          content_md: `**Examples from the video** (matrices written row by row; their columns are where î and ĵ land)

| Transformation | Matrix | (3, 2) goes to |
| --- | --- | --- |
| Stretch x by 2 | [[2, 0], [0, 1]] | (6, 2) |
| Rotate 90° anticlockwise | [[0, −1], [1, 0]] | (−2, 3) |
| Shear | [[1, 1], [0, 1]] | (5, 2) |

Rotate then shear = S·R = [[1, −1], [1, 0]]; shear then rotate = R·S = [[0, −1], [1, 1]]. Order matters.`,
        },
        {
          kind: "text",
          title: "Determinants: how areas scale",
          duration_seconds: 234,
          learner_questions: [
            { question: "Where does ad minus bc come from?" },
            { question: "What does a negative determinant mean geometrically?" },
          ],
          content_md: `# Determinants: how areas scale

In the last lesson you saw a matrix as a motion of the plane. Some motions stretch the plane, some squash it, some flip it over. The **determinant** is a single number that summarises all three effects: it tells you the factor by which the transformation scales areas, and whether it flips orientation.

## The unit square

Start with the unit square, with corners at (0, 0), (1, 0), (0, 1) and (1, 1). Its sides are exactly the basis vectors î and ĵ, and its area is 1.

A linear transformation sends î and ĵ to the two columns of the matrix, so the unit square becomes the **parallelogram spanned by the columns**. Because grid lines stay parallel and evenly spaced, *every* square of the grid becomes a copy of that parallelogram. So if the unit square's area is multiplied by some factor, every area in the plane is multiplied by the same factor.

That factor is the determinant.

## The 2×2 formula

For the matrix with rows (a, b) and (c, d), in other words with columns (a, c) and (b, d):

> det [[a, b], [c, d]] = ad − bc

Let's test it on the transformations we already know:

| Transformation | Matrix rows | ad − bc | Interpretation |
| --- | --- | --- | --- |
| Stretch x by 2 | (2, 0), (0, 1) | 2 × 1 − 0 × 0 = **2** | Areas double |
| Scale everything by 3 | (3, 0), (0, 3) | **9** | 3 times wider and 3 times taller |
| Rotate 90° | (0, −1), (1, 0) | 0 − (−1)(1) = **1** | Areas unchanged |
| Shear | (1, 1), (0, 1) | 1 − 0 = **1** | Slanted, but same area |
| Reflect in x-axis | (1, 0), (0, −1) | **−1** | Same area, flipped |
| Squash onto a line | (1, 2), (2, 4) | 4 − 4 = **0** | Everything flattened |

The shear is worth pausing on: the square becomes a leaning parallelogram, but with the same base and the same height, so its area is still 1.

### Where does ad − bc come from?

If b = c = 0, the unit square is stretched into an a-by-d rectangle, with area ad. The bc term corrects for how much the parallelogram is skewed. A neat way to check the formula is to draw the parallelogram with corners (0, 0), (a, c), (b, d) and (a + b, c + d) inside the a + b by c + d rectangle, then subtract the triangles and rectangles in the corners: what remains is exactly ad − bc.

## Worked example

Take the matrix with rows (3, 1) and (1, 2).

1. Determinant: 3 × 2 − 1 × 1 = **5**.
2. So the unit square becomes a parallelogram of area 5.
3. A triangle with area 6 before the transformation has area 6 × 5 = **30** afterwards.
4. A circle of radius 1 (area π) becomes an ellipse of area **5π**.

We did not need to work out the ellipse's shape at all. The determinant told us the area directly.

## Negative determinants: flipping orientation

Area cannot be negative, so what does −1 mean? The sign records **orientation**. Normally, turning from î to ĵ is an anticlockwise turn. After a reflection, the turn from the new î to the new ĵ is clockwise: the plane has been flipped over, like turning a sheet of paper face down.

So |det| is the area scale factor, and the sign tells you whether the plane was flipped.

## Zero determinants: squashing

If the determinant is 0, the transformation flattens the plane onto a line (or even a single point). The two columns point along the same line: in the example above, (2, 4) is just 2 × (1, 2).

This has big consequences:

- Many different inputs land on the same output, so the transformation **cannot be undone**. The matrix has **no inverse**.
- A system of equations with that matrix has either no solution or infinitely many.

This is why "is the determinant zero?" is the first question to ask about a square matrix.

## Two useful properties

- **Products:** det(AB) = det(A) × det(B). Doing one transformation after another multiplies the area factors. If A doubles areas and B triples them, AB multiplies them by 6.
- **Inverses:** if det(A) = 5, then det(A⁻¹) = 1/5, since undoing the motion must shrink areas back.

## In three dimensions

For a 3×3 matrix, the determinant is the factor by which **volumes** scale: the unit cube becomes a slanted box (a parallelepiped), and its volume is |det|. A negative sign means the transformation turns a right-handed coordinate system into a left-handed one, like a mirror.

## Summary

- The determinant is the area (2D) or volume (3D) scale factor of a transformation.
- For a 2×2 matrix with rows (a, b) and (c, d), det = ad − bc.
- A negative determinant means orientation is flipped; zero means space is squashed and no inverse exists.
- det(AB) = det(A) det(B).`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "short_answer",
                question: "What is the determinant of the matrix with rows (4, 2) and (1, 3)?",
                accepted_answers: ["10"],
                explanation: "ad − bc = 4 × 3 − 2 × 1 = 12 − 2 = 10.",
              },
              {
                type: "single_choice",
                question:
                  "A shape of area 3 is transformed by a matrix with determinant −2. What is the area of the result?",
                options: ["−6", "6", "1", "3"],
                correct: 1,
                explanation:
                  "Area scales by |det| = 2, so the area is 6. The minus sign means the orientation is flipped, not that the area is negative.",
              },
              {
                type: "true_false",
                question: "A matrix with determinant 0 has an inverse.",
                correct: false,
                explanation:
                  "A zero determinant means the plane is squashed onto a line or point, so different inputs share outputs and the motion cannot be undone.",
              },
              {
                type: "multiple_choice",
                question: "Which transformations have a determinant of exactly 1?",
                options: [
                  "A rotation by 90°",
                  "A shear with rows (1, 1) and (0, 1)",
                  "A reflection in the x-axis",
                  "Scaling both axes by 2",
                ],
                correct: [0, 1],
                explanation:
                  "Rotations and this shear preserve area and orientation (det 1). The reflection has det −1, and scaling both axes by 2 has det 4.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "Eigenvectors and eigenvalues",
          duration_seconds: 206,
          learner_questions: [
            { question: "How do I find the eigenvalues of a 2×2 matrix by hand?" },
            { question: "Why does a rotation have no real eigenvectors?" },
          ],
          content_md: `# Eigenvectors and eigenvalues

When a matrix transforms the plane, most vectors are knocked off their original line: they rotate as well as stretch. But some special vectors stay on their own line, and are only stretched, shrunk or flipped. These are the **eigenvectors** of the matrix, and the factor by which each is stretched is its **eigenvalue**. ("Eigen" is German for "own": a matrix's own directions.)

## The defining equation

> A**v** = λ**v**

In words: applying the matrix A to the vector **v** gives the same result as multiplying **v** by a plain number λ (lambda). The vector **v** must be non-zero.

## A first example you can check

Let A have rows (2, 1) and (1, 2).

- Try **v** = (1, 1): A**v** = (2 + 1, 1 + 2) = (3, 3) = 3 × (1, 1). So (1, 1) is an eigenvector with eigenvalue **3**.
- Try **v** = (1, −1): A**v** = (2 − 1, 1 − 2) = (1, −1) = 1 × (1, −1). So (1, −1) is an eigenvector with eigenvalue **1**.
- Try **v** = (1, 0): A**v** = (2, 1). That is not a multiple of (1, 0), so (1, 0) is *not* an eigenvector; it gets turned.

Geometrically, A stretches the plane by a factor of 3 along the diagonal line y = x, and leaves the line y = −x unchanged. Any multiple of an eigenvector, such as (5, 5), is also an eigenvector: what matters is the *direction*.

## Finding eigenvalues by hand

Rewrite A**v** = λ**v** as (A − λI)**v** = **0**, where I is the identity matrix. A non-zero vector can only be sent to zero if the matrix A − λI squashes space, and from the previous lesson we know that happens exactly when its determinant is zero:

> det(A − λI) = 0

This is the **characteristic equation**. For our example:

> det [[2 − λ, 1], [1, 2 − λ]] = (2 − λ)² − 1 = 0

So 2 − λ = ±1, giving **λ = 3** or **λ = 1**, exactly as we found.

To find each eigenvector, substitute λ back. For λ = 3, A − 3I has rows (−1, 1) and (1, −1), so −x + y = 0, which means y = x: the direction (1, 1).

**Quick checks** for any 2×2 matrix: the eigenvalues add up to the **trace** (the sum of the diagonal, here 2 + 2 = 4 = 3 + 1) and multiply to the **determinant** (here 4 − 1 = 3 = 3 × 1).

## When there are no (real) eigenvectors

| Matrix | Eigenvalues | Eigenvectors |
| --- | --- | --- |
| Rows (2, 1), (1, 2) | 3 and 1 | (1, 1) and (1, −1) |
| Rows (3, 1), (0, 2) (triangular) | 3 and 2 | (1, 0) and (−1, 1) |
| Rotation by 90° | none that are real | none: every vector is turned |
| Shear, rows (1, 1), (0, 1) | 1 (repeated) | only the direction (1, 0) |

For a triangular matrix, the eigenvalues are simply the diagonal entries. A rotation by 90° turns *every* vector, so it has no real eigenvectors; its characteristic equation λ² + 1 = 0 has only complex solutions.

## Why eigenvectors matter: repeated transformations

Eigenvectors make repeated multiplication easy. Write any vector as a combination of eigenvectors, and each part is simply multiplied by its eigenvalue each time.

Start with (1, 0) = ½(1, 1) + ½(1, −1) and apply our matrix A ten times:

> A¹⁰(1, 0) = ½ · 3¹⁰ · (1, 1) + ½ · 1¹⁰ · (1, −1) = (29525, 29524)

The part along (1, 1) has grown by 3¹⁰ = 59,049, while the other part stayed the same size. After many steps, the vector points almost exactly along the eigenvector with the **largest eigenvalue**. This single idea powers:

- **PageRank**, the original Google algorithm, which finds the dominant eigenvector of a huge matrix of links between web pages;
- **Principal component analysis (PCA)**, where the eigenvectors of a data set's covariance matrix are the directions of greatest variation, and the eigenvalues say how much variance each direction holds;
- **Stability analysis** in physics, engineering and population models, where eigenvalues bigger than 1 mean growth and smaller than 1 mean decay.

## Summary

- An eigenvector keeps its direction under the transformation; its eigenvalue is the stretch factor: A**v** = λ**v**.
- Find eigenvalues from det(A − λI) = 0, then eigenvectors by substituting each λ.
- Eigenvalues sum to the trace and multiply to the determinant.
- Repeated application of a matrix is dominated by the eigenvector with the largest eigenvalue.`,
        },
      ],
    },
  ],
};
