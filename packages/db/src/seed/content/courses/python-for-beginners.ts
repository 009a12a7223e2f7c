import type { DemoCourse } from "../types.js";

export const course: DemoCourse = {
  slug: "python-for-beginners",
  title: "Python for Absolute Beginners",
  subtitle: "Write real programs from your very first hour, no experience needed",
  description: `Python is one of the most popular programming languages in the world, and one of the easiest to start with. This course takes you from installing Python to writing small programs that make decisions, repeat work and are organised into your own functions.

It is designed for people who have **never programmed before**: students, analysts who live in spreadsheets, and anyone curious about how software works. Each lesson introduces one idea, shows it in short, runnable code, and explains the error messages you are likely to meet along the way.

You will need a computer with Python 3 installed (the first lesson shows you how) and a plain text editor such as VS Code. By the end you will be ready for a second course in data analysis, web development or automation.`,
  category: "Programming",
  level: "beginner",
  pricing: { is_free: true, price: 0 },
  tags: ["python", "programming basics", "beginner", "coding"],
  outcomes: [
    "Install Python 3 and run code both in the interactive prompt and from a .py file",
    "Store and transform data with variables, numbers, strings and type conversions",
    "Make decisions in code with if, elif and else and combine conditions with and, or and not",
    "Repeat work with for and while loops, range, break and continue",
    "Organise programs into reusable functions with parameters and return values",
  ],
  creator: "marcus",
  thumbnail_file: "python-for-beginners.svg",
  modules: [
    {
      title: "Getting started",
      lessons: [
        {
          kind: "video",
          title: "Your first Python program",
          is_preview: true,
          duration_seconds: 259,
          video_file: "python-first-program.webm",
          transcript_file: "python-first-program.vtt",
          learner_questions: [
            { at_seconds: 47, question: "I'm on a Mac. Do I need to add Python to PATH as well?" },
            { at_seconds: 91, question: "Why does 10 / 4 give 2.5 but 10 // 4 gives 2?" },
            { at_seconds: 138, question: "What is a NameError, and why does Python think Hello is a variable?" },
            {
              at_seconds: 178,
              question: "It says 'python3: command not found' when I run hello.py. What am I doing wrong?",
            },
            { at_seconds: 205, question: "Does input() always give back a string, even when I type a number?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 84, to_seconds: 100, weight: 0.8 },
            { from_seconds: 194, to_seconds: 223, weight: 0.6 },
          ],
          content_md: `**Try it yourself**

\`\`\`python
# hello.py
print("Hello, world!")
print(2 + 3)

name = input("What is your name? ")
print("Hello,", name)
\`\`\`

Run it with \`python3 hello.py\` (on Windows: \`py hello.py\`).`,
        },
        {
          kind: "text",
          title: "Variables, numbers and strings",
          duration_seconds: 172,
          learner_questions: [
            { question: "Why does 0.1 + 0.2 not equal 0.3?" },
            { question: "How do f-strings work with numbers?" },
            { question: "Why can't I add a string and an int?" },
          ],
          content_md: `# Variables, numbers and strings

Programs work with data: prices, names, scores, dates. In this lesson you will learn how Python stores data in **variables**, how it does arithmetic, and how to work with text.

## Variables are names for values

A variable is a name that refers to a value. You create one with a single equals sign:

\`\`\`python
name = "Ada"
age = 36
price = 4.99
is_member = True
\`\`\`

Read \`age = 36\` as "let \`age\` refer to 36", not "age equals 36". You can change what a name refers to at any time:

\`\`\`python
score = 10
score = score + 5   # take the old value, add 5, store the result
print(score)        # 15
\`\`\`

The shortcut \`score += 5\` does the same thing.

### Naming rules

- Use letters, digits and underscores; a name cannot start with a digit (\`2nd_place\` is invalid).
- Names are case-sensitive: \`Total\` and \`total\` are different variables.
- By convention, Python uses **snake_case**: \`first_name\`, \`total_price\`.
- Choose names that explain themselves. \`hours_worked\` beats \`h\`.

## The four basic types

| Type | Example | Used for |
| --- | --- | --- |
| \`int\` | \`42\`, \`-7\` | Whole numbers |
| \`float\` | \`3.14\`, \`0.5\` | Numbers with a decimal point |
| \`str\` | \`"hello"\` | Text |
| \`bool\` | \`True\`, \`False\` | Yes/no values |

Ask Python for the type of any value with \`type()\`: \`type(42)\` gives \`<class 'int'>\`.

## Arithmetic

\`\`\`python
print(7 + 2)    # 9
print(7 - 2)    # 5
print(7 * 2)    # 14
print(7 / 2)    # 3.5   ordinary division always gives a float
print(7 // 2)   # 3     floor division: round down to a whole number
print(7 % 2)    # 1     remainder (modulo)
print(2 ** 10)  # 1024  power
\`\`\`

Python follows the usual order of operations: \`2 + 3 * 4\` is \`14\`, and \`(2 + 3) * 4\` is \`20\`.

### A floating-point surprise

\`\`\`python
print(0.1 + 0.2)            # 0.30000000000000004
print(round(0.1 + 0.2, 2))  # 0.3
\`\`\`

Computers store decimals in binary, and most decimals (like 0.1) cannot be stored exactly. The tiny error is normal in every language. Round when you display numbers, and never compare floats with \`==\` when money is at stake; for money, count in whole cents or use the \`decimal\` module.

## Strings

A string is text in quotes. Single and double quotes both work; pick one style and stay consistent.

\`\`\`python
first = "Ada"
last = "Lovelace"
full = first + " " + last   # joining strings is called concatenation
print(full)                 # Ada Lovelace
print(len(full))            # 12
print(full.upper())         # ADA LOVELACE
print("ha" * 3)             # hahaha
\`\`\`

### Indexing and slicing

Each character has a position, starting at **0**:

\`\`\`python
word = "Python"
print(word[0])     # P
print(word[-1])    # n   (negative indexes count from the end)
print(word[0:3])   # Pyt (from index 0 up to, but not including, 3)
\`\`\`

### f-strings: the easy way to build text

Put an \`f\` before the quotes and write variables inside curly braces:

\`\`\`python
name = "Ada"
age = 36
print(f"{name} is {age} years old.")   # Ada is 36 years old.
print(f"Pi is roughly {3.14159:.2f}")  # Pi is roughly 3.14
\`\`\`

## Converting between types

\`input()\` always gives you a **string**, even if the user types digits. This causes one of the most common beginner errors:

\`\`\`python
text = "42"
print(text + 1)
# TypeError: can only concatenate str (not "int") to str
\`\`\`

Convert explicitly:

\`\`\`python
number = int("42")     # 42 as an int
print(number + 1)      # 43
print(str(42) + "!")   # 42!
print(float("2.5"))    # 2.5
\`\`\`

So a program that asks for a year of birth should look like this:

\`\`\`python
year = int(input("What year were you born? "))
print(f"In 2030 you will be about {2030 - year}.")
\`\`\`

## Summary

- \`=\` makes a name refer to a value; names are case-sensitive and written in snake_case.
- The core types are \`int\`, \`float\`, \`str\` and \`bool\`.
- \`/\` always returns a float, \`//\` rounds down, \`%\` gives the remainder.
- Strings support \`+\`, \`*\`, \`len()\`, indexing from 0, slicing and f-strings.
- \`input()\` returns text: convert with \`int()\` or \`float()\` before doing maths.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "What does print(7 // 2) display?",
                options: ["3.5", "3", "4", "1"],
                correct: 1,
                explanation:
                  "// is floor division: it divides and rounds down to a whole number, so 7 // 2 is 3. 7 / 2 would give 3.5.",
              },
              {
                type: "short_answer",
                question: 'What is the value of "Python"[0:3]?',
                accepted_answers: ["Pyt", "'Pyt'", '"Pyt"'],
                explanation: "Slicing starts at index 0 and stops before index 3, giving the characters P, y and t.",
              },
              {
                type: "true_false",
                question: "The input() function returns an int when the user types digits.",
                correct: false,
                explanation:
                  "input() always returns a string. Use int() or float() to convert it before doing arithmetic.",
              },
              {
                type: "multiple_choice",
                question: "Which of these are valid Python variable names?",
                options: ["total_price", "2nd_place", "firstName", "_count"],
                correct: [0, 2, 3],
                explanation:
                  "Names may contain letters, digits and underscores but cannot start with a digit. firstName is valid, although snake_case (first_name) is the usual Python style.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Making programs think",
      lessons: [
        {
          kind: "text",
          title: "Making decisions with if, elif and else",
          duration_seconds: 181,
          learner_questions: [
            { question: "What's the difference between = and ==?" },
            { question: "Why is an empty list treated as False?" },
          ],
          content_md: `# Making decisions with if, elif and else

So far our programs have run every line, top to bottom. Real programs need to choose: show an error if a password is wrong, charge a child less than an adult, stop a game when lives reach zero. In Python, choices are made with \`if\`.

## Comparisons produce True or False

A condition is an expression that is either \`True\` or \`False\`:

| Operator | Meaning | Example | Result |
| --- | --- | --- | --- |
| \`==\` | equal to | \`3 == 3\` | \`True\` |
| \`!=\` | not equal to | \`3 != 4\` | \`True\` |
| \`<\` / \`>\` | less / greater than | \`5 < 2\` | \`False\` |
| \`<=\` / \`>=\` | less / greater or equal | \`5 >= 5\` | \`True\` |

Watch out: \`=\` **assigns** a value, \`==\` **compares** two values. Writing \`if age = 18:\` is a syntax error.

## The if statement

\`\`\`python
temperature = 31

if temperature > 30:
    print("It's hot. Drink some water.")
    print("Maybe stay in the shade.")

print("Have a nice day!")
\`\`\`

Three details matter:

1. The line with \`if\` ends in a **colon**.
2. The lines that belong to the \`if\` are **indented** (four spaces is the standard).
3. The first unindented line after the block always runs, whatever the condition.

## else and elif

\`else\` gives an alternative when the condition is false. \`elif\` (short for "else if") lets you test several conditions in turn.

Here is a cinema that charges by age:

\`\`\`python
age = int(input("How old are you? "))

if age < 5:
    price = 0
elif age < 18:
    price = 6
elif age >= 65:
    price = 8
else:
    price = 12

print(f"Your ticket costs £{price}.")
\`\`\`

| Input | Which branch runs | Output |
| --- | --- | --- |
| 3 | \`age < 5\` | Your ticket costs £0. |
| 12 | \`age < 18\` | Your ticket costs £6. |
| 70 | \`age >= 65\` | Your ticket costs £8. |
| 40 | \`else\` | Your ticket costs £12. |

Python checks the conditions **from top to bottom and runs only the first one that is true**. For a 3-year-old, \`age < 18\` is also true, but it is never checked, because \`age < 5\` already matched. Order your conditions from most specific to most general.

## Combining conditions: and, or, not

\`\`\`python
has_ticket = True
age = 15

if has_ticket and age >= 12:
    print("Welcome to the film.")

if age < 12 or not has_ticket:
    print("Sorry, you can't come in.")
\`\`\`

- \`and\` is true only if **both** sides are true.
- \`or\` is true if **at least one** side is true.
- \`not\` flips \`True\` to \`False\` and vice versa.

Python also allows chained comparisons, which read like maths: \`if 13 <= age <= 19:\` checks for a teenager.

### Worked example: leap years

A year is a leap year if it is divisible by 4, except century years, which must be divisible by 400:

\`\`\`python
year = 1900

if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
    print(f"{year} is a leap year")
else:
    print(f"{year} is not a leap year")
\`\`\`

Check it by hand: 2024 is a leap year (divisible by 4, not by 100). 1900 is not (divisible by 100 but not 400). 2000 is (divisible by 400). The brackets matter: without them, \`and\` would be evaluated before \`or\`.

## Truthiness

Python can treat any value as a condition. These count as **false**: \`0\`, \`0.0\`, the empty string \`""\`, an empty list \`[]\`, and \`None\`. Almost everything else is true, including the string \`"0"\`.

\`\`\`python
name = input("Your name: ")
if not name:
    print("You didn't type anything!")
\`\`\`

## Common mistakes

- Forgetting the colon at the end of \`if\`, \`elif\` or \`else\` → \`SyntaxError\`.
- Inconsistent indentation → \`IndentationError\`.
- Comparing a string from \`input()\` with a number: \`"18" > 17\` raises a \`TypeError\`. Convert with \`int()\` first.

## Summary

- Conditions evaluate to \`True\` or \`False\`; compare with \`==\`, never with \`=\`.
- \`if\`, \`elif\` and \`else\` blocks end their first line with a colon and are indented.
- Only the **first** matching branch runs, so order matters.
- Combine conditions with \`and\`, \`or\` and \`not\`, and use brackets to make the meaning explicit.`,
        },
        {
          kind: "video",
          title: "Repeating work with loops",
          duration_seconds: 270,
          video_file: "python-loops.webm",
          transcript_file: "python-loops.vtt",
          learner_questions: [
            { at_seconds: 55, question: "How many spaces do I need for the indentation, and does a tab work too?" },
            { at_seconds: 86, question: "Why does range(5) stop at 4 and not at 5?" },
            { at_seconds: 115, question: "Why is it range(1, 101) and not range(1, 100) to add up to 100?" },
            { at_seconds: 178, question: "How do I know if my program is stuck in an infinite loop?" },
            { at_seconds: 214, question: "What's the difference between break and continue?" },
            { at_seconds: 226, question: "How does n % 2 == 0 tell me that a number is even?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 67, to_seconds: 100 },
            { from_seconds: 205, to_seconds: 232, weight: 0.8 },
          ],
          content_md: `**Code from the video**

\`\`\`python
fruits = ["apple", "banana", "cherry"]
for fruit in fruits:
    print(fruit)

total = 0
for n in range(1, 101):
    total += n
print(total)  # 5050

count = 3
while count > 0:
    print(count)
    count -= 1
print("Lift off!")
\`\`\``,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "Which values does range(2, 8, 2) produce?",
                options: ["2, 4, 6, 8", "2, 4, 6", "2, 8", "0, 2, 4, 6"],
                correct: 1,
                explanation: "range starts at 2, steps by 2, and stops before the end value 8, so you get 2, 4 and 6.",
              },
              {
                type: "true_false",
                question: "range(5) includes the number 5.",
                correct: false,
                explanation: "range(5) gives 0, 1, 2, 3 and 4. The end value is never included.",
              },
              {
                type: "short_answer",
                question:
                  "What does the program print after adding every number in range(1, 101) to a total that starts at 0?",
                accepted_answers: ["5050"],
                explanation: "range(1, 101) covers 1 to 100, and 1 + 2 + … + 100 = 5050.",
              },
              {
                type: "multiple_choice",
                question: "Which statements about loops are true?",
                options: [
                  "break leaves the loop immediately",
                  "continue skips to the next pass of the loop",
                  "A while loop checks its condition before each pass",
                  "A for loop can only loop over numbers",
                ],
                correct: [0, 1, 2],
                explanation:
                  "break exits, continue skips the rest of the current pass, and while checks its condition first each time. A for loop can walk over any collection, such as a list or a string.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Organising code",
      lessons: [
        {
          kind: "text",
          title: "Writing your own functions",
          duration_seconds: 171,
          learner_questions: [
            { question: "What's the difference between print and return?" },
            { question: "Why can't I see a variable from inside my function once it has returned?" },
          ],
          content_md: `# Writing your own functions

You have already used functions that come with Python: \`print()\`, \`input()\`, \`len()\`. In this lesson you will write your own. Functions let you give a name to a piece of work, reuse it, and test it on its own. They are the main tool for keeping programs readable as they grow.

## Defining and calling a function

\`\`\`python
def greet(name):
    print(f"Hello, {name}!")

greet("Ada")     # Hello, Ada!
greet("Marcus")  # Hello, Marcus!
\`\`\`

- \`def\` starts a function definition, followed by the function's name and brackets.
- \`name\` is a **parameter**: a variable that receives a value when the function is called.
- \`"Ada"\` is an **argument**: the actual value passed in.
- The indented block is the **body**. Nothing runs until the function is *called*.

## Returning a value

\`print\` shows something on the screen, but the result is then gone. \`return\` hands a value **back to the caller**, so the program can keep using it.

\`\`\`python
def celsius_to_fahrenheit(celsius):
    return celsius * 9 / 5 + 32

boiling = celsius_to_fahrenheit(100)
print(boiling)                        # 212.0
print(celsius_to_fahrenheit(37))      # 98.6
\`\`\`

| | \`print\` inside a function | \`return\` from a function |
| --- | --- | --- |
| Shows text on screen | Yes | No |
| Caller can use the result | No | Yes |
| Can be used in a calculation | No | Yes |

A function without a \`return\` statement returns the special value \`None\`. This explains a common puzzle:

\`\`\`python
def add(a, b):
    print(a + b)    # prints, but returns nothing

result = add(2, 3)  # prints 5
print(result)       # None
\`\`\`

As a rule, **functions should return results and let the caller decide whether to print them.**

\`return\` also ends the function immediately, which is handy for early exits:

\`\`\`python
def safe_divide(a, b):
    if b == 0:
        return None
    return a / b
\`\`\`

## Several parameters, defaults and keyword arguments

\`\`\`python
def price_with_tax(price, rate=0.2):
    return round(price * (1 + rate), 2)

print(price_with_tax(10))            # 12.0  uses the default rate of 20%
print(price_with_tax(10, 0.05))      # 10.5
print(price_with_tax(rate=0.1, price=50))  # 55.0
\`\`\`

- A **default value** (\`rate=0.2\`) makes a parameter optional.
- **Keyword arguments** (\`rate=0.1\`) name the parameter explicitly, so the order no longer matters and the call is easier to read.

## Scope: variables inside stay inside

Variables created inside a function are **local**: they exist only while the function runs.

\`\`\`python
def make_total():
    total = 100
    return total

make_total()
print(total)   # NameError: name 'total' is not defined
\`\`\`

This is a feature, not a limitation. You can use a name like \`total\` in ten different functions without them interfering with each other. Pass data **in** through parameters and get it **out** with \`return\`.

## Documenting a function

A string on the first line of the body is a **docstring**. Editors show it when you hover over the function, and \`help()\` prints it.

\`\`\`python
def bmi(weight_kg, height_m):
    """Return body-mass index: weight in kg divided by height in metres squared."""
    return weight_kg / height_m ** 2

print(round(bmi(70, 1.75), 1))   # 22.9
\`\`\`

## Putting it together

\`\`\`python
def grade(score):
    """Turn a percentage score into a letter grade."""
    if score >= 70:
        return "A"
    elif score >= 60:
        return "B"
    elif score >= 50:
        return "C"
    return "F"

for s in [85, 62, 50, 31]:
    print(s, grade(s))
# 85 A
# 62 B
# 50 C
# 31 F
\`\`\`

Notice how the loop stays short and readable because the decision logic lives in its own function. If the grade boundaries change, you change one place.

## Summary

- Define with \`def name(parameters):\` and an indented body; call with \`name(arguments)\`.
- \`return\` sends a value back; without it, a function returns \`None\`.
- Defaults make parameters optional; keyword arguments make calls clearer.
- Variables inside a function are local to it.
- Good functions do one job, have a descriptive name, and return their result.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "What does a Python function return if it has no return statement?",
                options: ["0", "An empty string", "None", "The last value it printed"],
                correct: 2,
                explanation:
                  "Without return, a function returns None, which is why result = add(2, 3) is None when add only prints.",
              },
              {
                type: "short_answer",
                question:
                  "Given def price_with_tax(price, rate=0.2): return round(price * (1 + rate), 2), what is price_with_tax(10, 0.05)?",
                accepted_answers: ["10.5", "10.50"],
                explanation: "10 × 1.05 = 10.5. Passing 0.05 overrides the default rate of 0.2.",
              },
              {
                type: "true_false",
                question:
                  "A variable created inside a function can be used after the function has finished, anywhere in the program.",
                correct: false,
                explanation:
                  "Variables created inside a function are local; using them outside raises a NameError. Use return to pass values out.",
              },
            ],
          },
        },
      ],
    },
  ],
};
