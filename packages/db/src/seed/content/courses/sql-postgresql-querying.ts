import type { DemoCourse } from "../types.js";

const booksTable = `| id | title | author | genre | published_year | price | stock |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | Pride and Prejudice | Jane Austen | classic | 1813 | 8.99 | 12 |
| 2 | Emma | Jane Austen | classic | 1815 | 7.50 | 0 |
| 3 | Great Expectations | Charles Dickens | classic | 1861 | 9.99 | 5 |
| 4 | Bleak House | Charles Dickens | classic | 1853 | 12.50 | 3 |
| 5 | Middlemarch | George Eliot | classic | 1871 | 11.00 | NULL |
| 6 | The Hobbit | J.R.R. Tolkien | fantasy | 1937 | 14.99 | 20 |
| 7 | A Wizard of Earthsea | Ursula K. Le Guin | fantasy | 1968 | 10.99 | 4 |
| 8 | Dune | Frank Herbert | sci-fi | 1965 | 18.00 | 7 |
| 9 | The Left Hand of Darkness | Ursula K. Le Guin | sci-fi | 1969 | 13.50 | NULL |`;

export const course: DemoCourse = {
  slug: "sql-postgresql-querying",
  title: "SQL Querying with PostgreSQL",
  subtitle: "Ask precise questions of real data: filters, joins, aggregates and window functions",
  description: `SQL is the language of data. Whether you are an analyst, a backend developer or a product manager who is tired of waiting for reports, being able to write a correct query yourself is one of the most useful skills you can learn.

This course uses **PostgreSQL** and a small bookshop database that you can recreate in minutes. You will start with \`SELECT\`, \`WHERE\` and \`ORDER BY\`, learn how \`NULL\` really behaves, combine tables with joins, summarise data with \`GROUP BY\`, and finish with window functions for rankings and running comparisons.

It is aimed at learners who have seen a little SQL before, or who are comfortable with spreadsheets and ready for something more powerful. Every example shows its exact result, so you can check your understanding row by row, and every lesson points out the classic mistakes that produce results that look right but are not.`,
  category: "Programming",
  level: "intermediate",
  pricing: { is_free: false, price: 29 },
  tags: ["sql", "postgresql", "databases", "data analysis", "joins"],
  outcomes: [
    "Write SELECT queries that filter, sort and limit rows precisely",
    "Handle NULL correctly with IS NULL, COALESCE and an understanding of three-valued logic",
    "Combine tables with inner and left joins without accidentally multiplying rows",
    "Summarise data with GROUP BY, aggregate functions and HAVING",
    "Rank and compare rows with window functions such as ROW_NUMBER, RANK and LAG",
  ],
  creator: "marcus",
  thumbnail_file: "sql-postgresql-querying.svg",
  modules: [
    {
      title: "Reading data",
      lessons: [
        {
          kind: "video",
          title: "SELECT, WHERE and ORDER BY",
          is_preview: true,
          duration_seconds: 268,
          video_file: "sql-select-where-order.webm",
          transcript_file: "sql-select-where-order.vtt",
          learner_questions: [
            { at_seconds: 34, question: "Why shouldn't I use SELECT * in real code?" },
            { at_seconds: 82, question: "Why do double quotes give me 'column does not exist' in PostgreSQL?" },
            {
              at_seconds: 118,
              question: "Why does AND bind more tightly than OR? Can you show the Austen and Dickens example again?",
            },
            { at_seconds: 158, question: "If I leave out ORDER BY, what order do the rows come back in?" },
            { at_seconds: 226, question: "Why can't I use an alias from SELECT in WHERE when ORDER BY accepts it?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 107, to_seconds: 131, weight: 0.9 },
            { from_seconds: 197, to_seconds: 239 },
          ],
          content_md: `**Query from the video**

\`\`\`sql
SELECT title, author, price
FROM books
WHERE stock > 0
ORDER BY price DESC
LIMIT 5;
\`\`\`

Logical order of evaluation: \`FROM\` → \`WHERE\` → \`SELECT\` → \`ORDER BY\` → \`LIMIT\`. Text values use single quotes; double quotes are for identifiers.`,
        },
        {
          kind: "text",
          title: "Filtering precisely: NULL, IN, BETWEEN and LIKE",
          duration_seconds: 226,
          learner_questions: [
            { question: "Why doesn't WHERE column = NULL work?" },
            { question: "Is BETWEEN inclusive at both ends?" },
            { question: "What's the difference between LIKE and ILIKE?" },
          ],
          content_md: `# Filtering precisely: NULL, IN, BETWEEN and LIKE

\`WHERE\` with \`=\` and \`<\` gets you a long way, but real questions need more: books by *any* of three authors, prices *within* a range, titles that *start with* a word, and rows where a value is simply *unknown*. This lesson uses the \`books\` table below. Notice that two books have an unknown stock level.

${booksTable}

## NULL means "unknown"

\`NULL\` is not zero and not an empty string. It means *we don't know*. That has a surprising consequence: any comparison with \`NULL\` is itself unknown.

\`\`\`sql
SELECT title FROM books WHERE stock = NULL;   -- returns 0 rows!
\`\`\`

Is an unknown stock equal to an unknown value? The answer is "unknown", and \`WHERE\` only keeps rows where the condition is **true**. Use the special operators instead:

\`\`\`sql
SELECT title, stock FROM books WHERE stock IS NULL;
\`\`\`

| title | stock |
| --- | --- |
| Middlemarch | NULL |
| The Left Hand of Darkness | NULL |

\`IS NOT NULL\` does the opposite. SQL therefore uses **three-valued logic**: true, false and unknown.

### NULL hides from ordinary conditions

\`\`\`sql
SELECT title FROM books WHERE stock <> 0;
\`\`\`

This returns only **6** rows. Emma is excluded because its stock is 0, as you'd expect, but Middlemarch and The Left Hand of Darkness are excluded too, because "unknown is not equal to 0" is unknown. If you want them, say so: \`WHERE stock <> 0 OR stock IS NULL\`.

### NULL in aggregates and COALESCE

Aggregate functions skip NULLs:

\`\`\`sql
SELECT count(*) AS all_rows, count(stock) AS with_stock, sum(stock) AS total_stock
FROM books;
-- all_rows = 9, with_stock = 7, total_stock = 51
\`\`\`

\`count(*)\` counts rows; \`count(stock)\` counts non-NULL values. To replace NULL with a default, use \`COALESCE\`, which returns its first non-NULL argument: \`COALESCE(stock, 0)\`.

## IN: matching a list

\`\`\`sql
SELECT title, author FROM books
WHERE author IN ('Jane Austen', 'George Eliot');
\`\`\`

This returns Pride and Prejudice, Emma and Middlemarch. It is shorthand for \`author = 'Jane Austen' OR author = 'George Eliot'\`, and much easier to read as the list grows.

**Trap:** \`NOT IN\` with a NULL in the list returns nothing at all. \`WHERE author NOT IN ('Jane Austen', NULL)\` returns 0 rows, because for every author the comparison with NULL is unknown. This bites most often with \`NOT IN (SELECT ...)\` when the subquery can return NULLs; prefer \`NOT EXISTS\` there.

## BETWEEN: ranges, inclusive at both ends

\`\`\`sql
SELECT title, published_year FROM books
WHERE published_year BETWEEN 1850 AND 1870;
\`\`\`

| title | published_year |
| --- | --- |
| Great Expectations | 1861 |
| Bleak House | 1853 |

\`BETWEEN a AND b\` means \`>= a AND <= b\`: **both ends are included**. Be careful with timestamps: \`BETWEEN '2024-01-01' AND '2024-01-31'\` stops at midnight at the *start* of 31 January. For dates and times, the safe pattern is a half-open range:

\`\`\`sql
WHERE ordered_at >= '2024-01-01' AND ordered_at < '2024-02-01'
\`\`\`

## LIKE and ILIKE: text patterns

| Pattern | Matches |
| --- | --- |
| \`'The%'\` | Starts with "The" |
| \`'%of%'\` | Contains "of" anywhere |
| \`'_mma'\` | Exactly one character, then "mma" |

\`%\` stands for any number of characters (including none); \`_\` stands for exactly one.

\`\`\`sql
SELECT title FROM books WHERE title LIKE 'The%';
-- The Hobbit, The Left Hand of Darkness
\`\`\`

\`LIKE\` is case-sensitive in PostgreSQL. \`ILIKE\` ignores case: \`WHERE title ILIKE '%of%'\` finds A Wizard of Earthsea and The Left Hand of Darkness.

A pattern that starts with \`%\` cannot use an ordinary index, so on large tables it scans every row. For real search features, PostgreSQL offers full-text search and the \`pg_trgm\` extension.

## Putting it together

In-stock classics published in the 19th century, cheapest first:

\`\`\`sql
SELECT title, price
FROM books
WHERE genre = 'classic'
  AND published_year BETWEEN 1801 AND 1900
  AND stock > 0
ORDER BY price;
\`\`\`

| title | price |
| --- | --- |
| Pride and Prejudice | 8.99 |
| Great Expectations | 9.99 |
| Bleak House | 12.50 |

Emma is missing because its stock is 0, and Middlemarch because its stock is unknown.

## Summary

- \`NULL\` means unknown; test it with \`IS NULL\` / \`IS NOT NULL\`, never \`= NULL\`.
- Conditions involving NULL are unknown, and \`WHERE\` drops unknown rows.
- \`IN\` matches a list; beware \`NOT IN\` when NULLs are possible.
- \`BETWEEN\` includes both ends; use half-open ranges for timestamps.
- \`LIKE\` uses \`%\` and \`_\`; \`ILIKE\` is the case-insensitive version.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question:
                  "How many rows does SELECT title FROM books WHERE stock = NULL return for the lesson's table?",
                options: ["0", "2", "7", "9"],
                correct: 0,
                explanation:
                  "Any comparison with NULL is unknown, and WHERE keeps only rows where the condition is true. Use IS NULL instead.",
              },
              {
                type: "true_false",
                question: "published_year BETWEEN 1850 AND 1870 includes books published in 1870.",
                correct: true,
                explanation: "BETWEEN is inclusive at both ends: it means >= 1850 AND <= 1870.",
              },
              {
                type: "multiple_choice",
                question: "Which patterns match the title 'The Hobbit' with LIKE?",
                options: ["'The%'", "'%bit'", "'the%'", "'The_Hobbit'"],
                correct: [0, 1, 3],
                explanation:
                  "LIKE is case-sensitive in PostgreSQL, so 'the%' does not match. '_' matches exactly one character, including the space in 'The Hobbit'.",
              },
              {
                type: "short_answer",
                question:
                  "Which PostgreSQL function returns its first non-NULL argument, e.g. to show 0 instead of NULL?",
                accepted_answers: ["COALESCE", "coalesce", "COALESCE()"],
                explanation: "COALESCE(stock, 0) returns stock when it is known, and 0 when it is NULL.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Combining and summarising",
      lessons: [
        {
          kind: "video",
          title: "Joining tables",
          duration_seconds: 269,
          video_file: "sql-joins.webm",
          transcript_file: "sql-joins.vtt",
          learner_questions: [
            { at_seconds: 60, question: "What are c and o here? Do I have to use aliases?" },
            {
              at_seconds: 112,
              question: "What's the difference between a LEFT JOIN and an INNER JOIN in simple terms?",
            },
            { at_seconds: 132, question: "Why does WHERE o.id IS NULL find the customers who never ordered?" },
            { at_seconds: 172, question: "Why does SUM give NULL for Chen instead of zero?" },
            {
              at_seconds: 205,
              question: "Why would revenue come out three times too big after joining the order items?",
            },
            {
              at_seconds: 240,
              question: "Why does putting the condition in WHERE turn my left join into an inner join?",
            },
          ],
          rewatch_hotspots: [
            { from_seconds: 187, to_seconds: 222, weight: 1.2 },
            { from_seconds: 229, to_seconds: 248, weight: 0.9 },
          ],
          content_md: `**Queries from the video**

\`\`\`sql
-- Every customer, with their orders (NULL total if none)
SELECT c.name, o.total
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id;

-- Customers who have never ordered
SELECT c.name
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
WHERE o.id IS NULL;

-- Total spent per customer, showing 0 instead of NULL
SELECT c.name, COALESCE(SUM(o.total), 0) AS spent
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.name;
\`\`\``,
        },
        {
          kind: "text",
          title: "GROUP BY, HAVING and aggregate functions",
          duration_seconds: 205,
          learner_questions: [
            { question: "When should I use HAVING instead of WHERE?" },
            { question: "Why does every column in SELECT have to be in GROUP BY?" },
          ],
          content_md: `# GROUP BY, HAVING and aggregate functions

Most business questions are summaries: *How many books per genre? What is the average price? Which authors have more than one title?* SQL answers them by **grouping** rows and **aggregating** each group into a single row. We will keep using the bookshop table:

${booksTable}

## Aggregate functions

An aggregate function turns many values into one:

| Function | Returns |
| --- | --- |
| \`count(*)\` | Number of rows |
| \`count(col)\` | Number of non-NULL values in \`col\` |
| \`sum(col)\` | Total |
| \`avg(col)\` | Mean |
| \`min(col)\` / \`max(col)\` | Smallest / largest |

Without \`GROUP BY\`, the whole table is one group, so you get one row back: \`SELECT count(*), max(price) FROM books;\` returns \`9\` and \`18.00\`.

## GROUP BY: one row per group

\`\`\`sql
SELECT genre,
       count(*)               AS books,
       round(avg(price), 2)   AS avg_price,
       min(published_year)    AS oldest,
       sum(stock)             AS in_stock
FROM books
GROUP BY genre
ORDER BY books DESC;
\`\`\`

| genre | books | avg_price | oldest | in_stock |
| --- | --- | --- | --- | --- |
| classic | 5 | 10.00 | 1813 | 20 |
| fantasy | 2 | 12.99 | 1937 | 24 |
| sci-fi | 2 | 15.75 | 1965 | 7 |

Check one row by hand: the classics cost 8.99 + 7.50 + 9.99 + 12.50 + 11.00 = 49.98, and 49.98 / 5 = 9.996, which rounds to 10.00. Their stock is 12 + 0 + 5 + 3 = 20: Middlemarch's NULL is simply skipped by \`sum\`.

### The golden rule

Every column in \`SELECT\` must either appear in \`GROUP BY\` or be inside an aggregate function. This query fails:

\`\`\`sql
SELECT author, title FROM books GROUP BY author;
-- ERROR: column "books.title" must appear in the GROUP BY clause
--        or be used in an aggregate function
\`\`\`

The error is logical, not pedantic: Jane Austen's group contains two titles, so which one should PostgreSQL show? If you want all of them in one cell, aggregate them: \`string_agg(title, ', ')\`.

## WHERE vs HAVING

\`WHERE\` filters **rows before grouping**. \`HAVING\` filters **groups after aggregation**, so it can use aggregate functions.

\`\`\`sql
SELECT author, count(*) AS books
FROM books
GROUP BY author
HAVING count(*) > 1
ORDER BY author;
\`\`\`

| author | books |
| --- | --- |
| Charles Dickens | 2 |
| Jane Austen | 2 |
| Ursula K. Le Guin | 2 |

You can use both in the same query. "Genres with at least two books under 12 pounds":

\`\`\`sql
SELECT genre, count(*) AS books
FROM books
WHERE price < 12          -- 1. keep cheap books
GROUP BY genre            -- 2. group them
HAVING count(*) >= 2;     -- 3. keep big enough groups
\`\`\`

Only \`classic\` qualifies, with 4 books. Fantasy has just one book under 12 (A Wizard of Earthsea), and sci-fi has none.

The full logical order is now: \`FROM\` → \`WHERE\` → \`GROUP BY\` → \`HAVING\` → \`SELECT\` → \`ORDER BY\` → \`LIMIT\`.

## Conditional counts with FILTER

PostgreSQL lets you attach a condition to a single aggregate:

\`\`\`sql
SELECT genre,
       count(*) FILTER (WHERE stock > 0) AS available,
       count(*)                          AS total
FROM books
GROUP BY genre
ORDER BY genre;
\`\`\`

| genre | available | total |
| --- | --- | --- |
| classic | 3 | 5 |
| fantasy | 2 | 2 |
| sci-fi | 1 | 2 |

This is much tidier than writing \`sum(CASE WHEN stock > 0 THEN 1 ELSE 0 END)\`, which is the portable equivalent in other databases.

## Common mistakes

- **Counting the wrong thing.** \`count(stock)\` is 7, not 9, because of the NULLs. Use \`count(*)\` for rows.
- **Averages of averages.** The average of three genre averages is not the average book price; compute it from the rows.
- **Aggregating after a join that multiplied rows.** As you saw in the joins lesson, check row counts before summing.
- **Filtering aggregates in WHERE.** \`WHERE count(*) > 1\` is an error: aggregates belong in \`HAVING\`.

## Summary

- Aggregates (\`count\`, \`sum\`, \`avg\`, \`min\`, \`max\`) collapse many rows into one and skip NULLs.
- \`GROUP BY\` produces one row per group; every selected column must be grouped or aggregated.
- \`WHERE\` filters rows before grouping; \`HAVING\` filters groups after.
- \`FILTER (WHERE ...)\` gives conditional aggregates in PostgreSQL.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question:
                  "Which clause filters groups using an aggregate, such as keeping authors with more than one book?",
                options: ["WHERE", "HAVING", "ORDER BY", "LIMIT"],
                correct: 1,
                explanation:
                  "HAVING runs after GROUP BY, so it can use aggregates like count(*). WHERE runs before grouping.",
              },
              {
                type: "short_answer",
                question: "In the lesson's books table, what does SELECT count(stock) FROM books return?",
                accepted_answers: ["7", "seven"],
                explanation: "count(column) ignores NULLs. Two books have an unknown (NULL) stock, so 9 rows give 7.",
              },
              {
                type: "true_false",
                question: "SELECT author, title FROM books GROUP BY author; is valid in PostgreSQL.",
                correct: false,
                explanation:
                  "title is neither grouped nor aggregated, and one author can have several titles, so PostgreSQL raises an error.",
              },
              {
                type: "multiple_choice",
                question: "Which statements about aggregates are true?",
                options: [
                  "sum() skips NULL values",
                  "count(*) counts rows, including rows with NULLs",
                  "Aggregates can be used in WHERE",
                  "FILTER (WHERE ...) restricts the rows one aggregate sees",
                ],
                correct: [0, 1, 3],
                explanation:
                  "Aggregates skip NULLs, count(*) counts every row, and FILTER applies a condition to one aggregate. Aggregates are not allowed in WHERE.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "Window functions: rankings and comparisons",
          duration_seconds: 200,
          learner_questions: [
            { question: "What's the difference between RANK and DENSE_RANK?" },
            { question: "How do I get the top 3 rows per group?" },
          ],
          content_md: `# Window functions: rankings and comparisons

\`GROUP BY\` collapses rows: five classics become one summary row. But many questions need the summary **next to** each row: *How does this book's price compare with the average? Which is the most expensive book in each genre? How many years passed between one publication and the next?* Window functions answer these without losing any rows.

We keep using the bookshop table from the previous lessons (9 books, three genres).

## The OVER clause

A window function is an ordinary function followed by \`OVER (...)\`, which describes the "window" of rows it looks at.

\`\`\`sql
SELECT title,
       price,
       round(avg(price) OVER (), 2)         AS overall_avg,
       round(price - avg(price) OVER (), 2) AS diff
FROM books
ORDER BY price DESC
LIMIT 4;
\`\`\`

| title | price | overall_avg | diff |
| --- | --- | --- | --- |
| Dune | 18.00 | 11.94 | 6.06 |
| The Hobbit | 14.99 | 11.94 | 3.05 |
| The Left Hand of Darkness | 13.50 | 11.94 | 1.56 |
| Bleak House | 12.50 | 11.94 | 0.56 |

\`OVER ()\` with nothing inside means "all rows". Every row keeps its identity and gains the overall average beside it. With \`GROUP BY\`, this would need a subquery and a join.

## PARTITION BY: a window per group

\`PARTITION BY\` splits the rows into groups, like \`GROUP BY\`, but without collapsing them. \`ORDER BY\` inside \`OVER\` orders the rows within each partition.

\`\`\`sql
SELECT title, genre, price,
       rank() OVER (PARTITION BY genre ORDER BY price DESC) AS price_rank
FROM books
ORDER BY genre, price_rank;
\`\`\`

| title | genre | price | price_rank |
| --- | --- | --- | --- |
| Bleak House | classic | 12.50 | 1 |
| Middlemarch | classic | 11.00 | 2 |
| Great Expectations | classic | 9.99 | 3 |
| Pride and Prejudice | classic | 8.99 | 4 |
| Emma | classic | 7.50 | 5 |
| The Hobbit | fantasy | 14.99 | 1 |
| A Wizard of Earthsea | fantasy | 10.99 | 2 |
| Dune | sci-fi | 18.00 | 1 |
| The Left Hand of Darkness | sci-fi | 13.50 | 2 |

The ranking restarts at 1 in each genre.

## ROW_NUMBER, RANK and DENSE_RANK

The three ranking functions differ only when there are ties. Imagine four prices: 20, 15, 15, 10.

| price | row_number() | rank() | dense_rank() |
| --- | --- | --- | --- |
| 20 | 1 | 1 | 1 |
| 15 | 2 | 2 | 2 |
| 15 | 3 | 2 | 2 |
| 10 | 4 | 4 | 3 |

- \`row_number()\` always gives unique numbers; ties are broken arbitrarily unless you add more \`ORDER BY\` columns.
- \`rank()\` gives ties the same number and then **skips** (1, 2, 2, 4), like sports rankings.
- \`dense_rank()\` gives ties the same number **without gaps** (1, 2, 2, 3).

## Top N per group

A very common task: the most expensive book in each genre. Window functions cannot be used in \`WHERE\` (they are computed after it), so wrap the query in a subquery:

\`\`\`sql
SELECT title, genre, price
FROM (
  SELECT title, genre, price,
         row_number() OVER (PARTITION BY genre ORDER BY price DESC) AS rn
  FROM books
) AS ranked
WHERE rn = 1;
\`\`\`

| title | genre | price |
| --- | --- | --- |
| Bleak House | classic | 12.50 |
| The Hobbit | fantasy | 14.99 |
| Dune | sci-fi | 18.00 |

Change \`rn = 1\` to \`rn <= 3\` for a top three per group.

## LAG and LEAD: looking at neighbours

\`lag(col)\` returns the value from the **previous** row in the window order; \`lead(col)\` returns the **next** one. They are ideal for "change since last time" questions.

\`\`\`sql
SELECT title, published_year,
       published_year - lag(published_year) OVER (ORDER BY published_year)
         AS years_since_previous
FROM books
ORDER BY published_year
LIMIT 5;
\`\`\`

| title | published_year | years_since_previous |
| --- | --- | --- |
| Pride and Prejudice | 1813 | NULL |
| Emma | 1815 | 2 |
| Bleak House | 1853 | 38 |
| Great Expectations | 1861 | 8 |
| Middlemarch | 1871 | 10 |

The first row has no previous row, so \`lag\` returns NULL. The same pattern gives month-over-month revenue growth in a sales table.

## Running totals

When a window has an \`ORDER BY\`, aggregates become **cumulative**:

\`\`\`sql
SELECT ordered_at::date AS day, total,
       sum(total) OVER (ORDER BY ordered_at) AS running_total
FROM orders;
\`\`\`

Each row shows the sum of all orders up to and including that one.

## Summary

- Window functions add a calculated column **without collapsing rows**.
- \`OVER ()\` looks at all rows; \`PARTITION BY\` makes one window per group; \`ORDER BY\` orders rows inside a window.
- \`row_number\`, \`rank\` and \`dense_rank\` differ only in how they treat ties.
- Filter on a window result from an outer query, because windows are computed after \`WHERE\`.
- \`lag\` and \`lead\` compare each row with its neighbours; ordered \`sum\` gives running totals.`,
        },
      ],
    },
  ],
};
