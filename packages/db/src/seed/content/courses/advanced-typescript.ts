import type { DemoCourse } from "../types.js";

export const course: DemoCourse = {
  slug: "advanced-typescript",
  title: "Advanced TypeScript: Types That Work for You",
  subtitle: "Generics, narrowing, mapped and conditional types for safer, self-documenting code",
  description: `You already write TypeScript every day: interfaces, unions, the odd generic. This course is about the next step, making the type system **do work for you**: catching whole classes of bugs at compile time, deriving types from a single source of truth, and modelling your domain so that invalid states cannot even be written down.

We cover generics with constraints, narrowing and discriminated unions with exhaustiveness checks, mapped and conditional types with \`infer\`, and the modern tools \`as const\`, \`satisfies\`, branded types and template literal types. Every example compiles under \`strict\` mode with TypeScript 5.x, and every technique comes with advice on when *not* to use it.

This is an **advanced** course. You should be comfortable with TypeScript basics (interfaces, union types, function types) and with modern JavaScript. It is ideal for developers who maintain shared libraries, design APIs, or review other people's types.`,
  category: "Programming",
  level: "advanced",
  pricing: { is_free: false, price: 39 },
  tags: ["typescript", "generics", "type system", "javascript", "web development"],
  outcomes: [
    "Write generic functions and types whose constraints relate inputs to outputs precisely",
    "Model state with discriminated unions and enforce exhaustive handling with never",
    "Build mapped types with key remapping and conditional types with infer",
    "Use as const, satisfies and branded types to keep values precise and IDs unmixable",
    "Judge when type-level code adds safety and when a plain type is clearer",
  ],
  creator: "marcus",
  thumbnail_file: "advanced-typescript.svg",
  modules: [
    {
      title: "Generics and narrowing",
      lessons: [
        {
          kind: "video",
          title: "Generics with constraints",
          is_preview: true,
          duration_seconds: 288,
          video_file: "typescript-generics-constraints.webm",
          transcript_file: "typescript-generics-constraints.vtt",
          learner_questions: [
            { at_seconds: 38, question: "What does the angle bracket T mean in function first<T>?" },
            { at_seconds: 70, question: "What does noUncheckedIndexedAccess actually change?" },
            { at_seconds: 92, question: "Why is a type parameter that appears only once pointless?" },
            { at_seconds: 140, question: "Is this extends the same as extends on a class?" },
            { at_seconds: 170, question: "How does K extends keyof T work?" },
            { at_seconds: 178, question: "What is T[K], the indexed access type?" },
          ],
          rewatch_hotspots: [{ from_seconds: 155, to_seconds: 200, weight: 1.2 }],
          content_md: `**Code from the video**

\`\`\`ts
function first<T>(items: T[]): T | undefined {
  return items[0];
}

function longest<T extends { length: number }>(a: T, b: T): T {
  return a.length >= b.length ? a : b;
}

function getProperty<T, K extends keyof T>(obj: T, key: K): T[K] {
  return obj[key];
}

interface ApiResponse<T = unknown> {
  data: T;
  error?: string;
}
\`\`\``,
        },
        {
          kind: "text",
          title: "Narrowing and discriminated unions",
          duration_seconds: 202,
          learner_questions: [
            { question: "How does assigning to never catch a missing case?" },
            { question: "What makes a union discriminated?" },
          ],
          content_md: `# Narrowing and discriminated unions

A union type such as \`string | number\` says "one of these". Before you can use the value, you usually need to know *which* one. **Narrowing** is how TypeScript follows your runtime checks and refines the type inside each branch. Combined with **discriminated unions**, it lets you model data so that impossible states cannot be represented and forgotten cases become compile errors.

## The built-in narrowing checks

\`\`\`ts
function format(value: string | number | Date): string {
  if (typeof value === "string") return value.toUpperCase(); // value: string
  if (typeof value === "number") return value.toFixed(2);    // value: number
  return value.toISOString();                                // value: Date
}
\`\`\`

TypeScript understands several kinds of runtime checks:

| Check | Example | Narrows |
| --- | --- | --- |
| \`typeof\` | \`typeof x === "string"\` | Primitives |
| \`instanceof\` | \`err instanceof TypeError\` | Class instances |
| \`in\` | \`"swim" in animal\` | Objects by property |
| Equality | \`x === null\`, \`status === "done"\` | Literal types, null and undefined |
| Truthiness | \`if (user)\` | Removes \`null\`, \`undefined\` (careful: also \`0\` and \`""\`) |

Notice the last line of \`format\`: after ruling out string and number, only \`Date\` is left. TypeScript tracks what has been **eliminated**, not only what has been checked.

## Discriminated unions

A discriminated (or tagged) union is a union of object types that share one property with a **literal** type, the *discriminant*:

\`\`\`ts
type Shape =
  | { kind: "circle"; radius: number }
  | { kind: "square"; size: number }
  | { kind: "rectangle"; width: number; height: number };
\`\`\`

Checking the discriminant narrows the whole object:

\`\`\`ts
function area(shape: Shape): number {
  switch (shape.kind) {
    case "circle":
      return Math.PI * shape.radius ** 2; // only circles have radius
    case "square":
      return shape.size ** 2;
    case "rectangle":
      return shape.width * shape.height;
  }
}
\`\`\`

Try to read \`shape.radius\` in the \`"square"\` branch, and the compiler refuses.

### Exhaustiveness checking with never

What happens when a colleague adds \`{ kind: "triangle"; base: number; height: number }\` next month? Make the compiler tell them every place to update:

\`\`\`ts
    default: {
      const unreachable: never = shape;
      throw new Error(\`Unknown shape: \${JSON.stringify(unreachable)}\`);
    }
\`\`\`

If every case is handled, \`shape\` has been narrowed to \`never\` by the time it reaches \`default\`, and the assignment compiles. If a case is missing, \`shape\` is still \`{ kind: "triangle"; ... }\`, which is not assignable to \`never\`: a compile error that points straight at the switch you forgot.

## Making invalid states unrepresentable

Compare two ways of modelling a network request:

\`\`\`ts
// Loose: 16 combinations of optional fields, most of them nonsense
interface RequestStateLoose {
  loading: boolean;
  data?: User;
  error?: string;
}

// Tight: exactly four valid states
type RequestState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "success"; data: User }
  | { status: "error"; error: string };
\`\`\`

With the loose version, nothing stops \`loading: true\` together with an \`error\`. With the union, \`data\` exists *only* when \`status\` is \`"success"\`, so a UI component cannot display data that isn't there.

The same idea gives a tidy way to return errors without exceptions:

\`\`\`ts
type Result<T, E = Error> = { ok: true; value: T } | { ok: false; error: E };

function parseAge(input: string): Result<number, string> {
  const age = Number(input);
  if (!Number.isInteger(age) || age < 0) {
    return { ok: false, error: \`"\${input}" is not a valid age\` };
  }
  return { ok: true, value: age };
}

const result = parseAge("42");
if (result.ok) {
  console.log(result.value + 1); // value: number
} else {
  console.error(result.error);   // error: string
}
\`\`\`

## Writing your own type guards

When a check is too complex for TypeScript to follow, wrap it in a function that returns a **type predicate**:

\`\`\`ts
function isString(value: unknown): value is string {
  return typeof value === "string";
}
\`\`\`

An **assertion function** narrows by throwing instead of returning:

\`\`\`ts
function assertIsDefined<T>(value: T, name: string): asserts value is NonNullable<T> {
  if (value === undefined || value === null) throw new Error(\`\${name} is missing\`);
}
\`\`\`

Be careful: TypeScript trusts your predicate completely. If the body of \`isString\` were wrong, the compiler would happily narrow to a lie. Keep guards small and test them.

Since TypeScript 5.5, simple predicates are inferred automatically, so \`[1, undefined, 3].filter((x) => x !== undefined)\` now has type \`number[]\` without any annotation.

## Summary

- \`typeof\`, \`instanceof\`, \`in\`, equality and truthiness checks narrow union types.
- A discriminated union shares a literal \`kind\`/\`status\` field; switching on it narrows the whole object.
- Assign to \`never\` in the \`default\` branch to make missing cases a compile error.
- Model state as a union of valid shapes rather than a bag of optional fields.
- Type predicates (\`value is T\`) and assertion functions extend narrowing, but are trusted blindly.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: "In a discriminated union, what is the discriminant?",
                options: [
                  "A property with a literal type shared by every member of the union",
                  "The first type parameter of a generic",
                  "A runtime class that all members extend",
                  "Any optional property",
                ],
                correct: 0,
                explanation:
                  'A shared property with a distinct literal type in each member (such as kind: "circle") lets a single check narrow the whole object.',
              },
              {
                type: "true_false",
                question:
                  "Assigning the narrowed value to a variable of type never in the default branch turns a missing case into a compile error.",
                correct: true,
                explanation:
                  "If a case is unhandled, the value in default still has that member's type, which is not assignable to never.",
              },
              {
                type: "short_answer",
                question:
                  "What return type annotation turns function isUser(x: unknown) into a type guard for the type User?",
                accepted_answers: ["x is User", "x is User;"],
                explanation:
                  "A type predicate of the form `x is User` tells TypeScript to narrow x to User when the function returns true.",
              },
              {
                type: "multiple_choice",
                question: "Which of these checks does TypeScript use to narrow types?",
                options: [
                  'typeof value === "number"',
                  '"swim" in animal',
                  "err instanceof TypeError",
                  "A comment saying // value is a string",
                ],
                correct: [0, 1, 2],
                explanation:
                  "typeof, in and instanceof are all understood by the compiler. Comments have no effect on types.",
              },
            ],
          },
        },
      ],
    },
    {
      title: "Type-level programming",
      lessons: [
        {
          kind: "video",
          title: "Mapped and conditional types",
          duration_seconds: 295,
          video_file: "typescript-mapped-conditional.webm",
          transcript_file: "typescript-mapped-conditional.vtt",
          learner_questions: [
            { at_seconds: 26, question: "How do I read [K in keyof T]?" },
            { at_seconds: 75, question: "Why do we need Capitalize<K & string> for the getter names?" },
            { at_seconds: 140, question: "Why does a conditional type distribute over a union?" },
            { at_seconds: 160, question: "How does Exclude remove 'a' from the union?" },
            { at_seconds: 173, question: "Why do square brackets around both sides stop the distribution?" },
            { at_seconds: 196, question: "What does infer R actually do?" },
          ],
          rewatch_hotspots: [
            { from_seconds: 132, to_seconds: 176, weight: 1.3 },
            { from_seconds: 179, to_seconds: 220 },
          ],
          content_md: `**Code from the video**

\`\`\`ts
type MyReadonly<T> = { readonly [K in keyof T]: T[K] };

type Getters<T> = {
  [K in keyof T as \`get\${Capitalize<string & K>}\`]: () => T[K];
};
// Getters<{ name: string; age: number }>
//   = { getName: () => string; getAge: () => number }

type IsString<T> = T extends string ? "yes" : "no";
type D = IsString<string | number>; // "yes" | "no" (distributes over the union)

type MyReturnType<T> = T extends (...args: any[]) => infer R ? R : never;

type Events = { click: { x: number; y: number }; keydown: { key: string } };
type Handlers = {
  [K in keyof Events as \`on\${Capitalize<K>}\`]: (payload: Events[K]) => void;
};
\`\`\``,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: 'What is IsString<string | number> if type IsString<T> = T extends string ? "yes" : "no"?',
                options: ['"yes"', '"no"', '"yes" | "no"', "never"],
                correct: 2,
                explanation:
                  'Conditional types distribute over unions when T is a bare type parameter: string gives "yes" and number gives "no".',
              },
              {
                type: "true_false",
                question: "In a mapped type, if the key produced by an `as` clause is never, that property is removed.",
                correct: true,
                explanation: "Remapping a key to never filters the property out of the resulting type.",
              },
              {
                type: "short_answer",
                question:
                  "Which keyword declares a type variable inside the extends clause of a conditional type, filled in by pattern matching?",
                accepted_answers: ["infer"],
                explanation: "For example, T extends Promise<infer V> ? V : T extracts the value type of a promise.",
              },
            ],
          },
        },
        {
          kind: "text",
          title: "as const, satisfies, branded and template literal types",
          duration_seconds: 189,
          learner_questions: [
            { question: "What's the difference between satisfies and a type annotation?" },
            { question: "How do branded types stop me mixing up two kinds of ID?" },
          ],
          content_md: `# as const, satisfies, branded and template literal types

This lesson collects four modern tools that solve everyday problems: keeping literal values precise, checking objects without losing information, stopping IDs from being mixed up, and typing string formats. Each one is small, and each one removes a whole category of bug.

## as const: keep literals literal

By default TypeScript **widens** values: \`const roles = ["admin", "editor", "viewer"]\` has type \`string[]\`, because arrays can change. Add \`as const\` and the array becomes a readonly tuple of literal types:

\`\`\`ts
const ROLES = ["admin", "editor", "viewer"] as const;
// readonly ["admin", "editor", "viewer"]

type Role = (typeof ROLES)[number]; // "admin" | "editor" | "viewer"
\`\`\`

This is a powerful pattern: the **runtime array** (for dropdowns and validation) and the **type** come from one definition, so they can never drift apart. \`(typeof ROLES)[number]\` means "the type of any element of this tuple".

## satisfies: check without widening

Suppose you want to make sure a configuration object only contains string or number values. A type annotation checks it, but throws away detail:

\`\`\`ts
const annotated: Record<string, string | number> = { port: 3000, host: "localhost" };
annotated.port; // string | number: we lost the fact that port is a number
annotated.prot; // no error: any key is allowed by Record<string, ...>
\`\`\`

The \`satisfies\` operator (TypeScript 4.9+) **validates** the value against a type but keeps the value's own, more precise type:

\`\`\`ts
const config = { port: 3000, host: "localhost" } satisfies Record<string, string | number>;
config.port; // number
config.prot; // error: property 'prot' does not exist
\`\`\`

A useful rule: use an **annotation** when you want the variable to have exactly that type; use **satisfies** when you want a check but keep inference. They combine well with \`as const\` too: \`{ ... } as const satisfies Theme\`.

## Branded types: IDs that cannot be mixed up

In most codebases, user IDs and order IDs are both \`string\`, so nothing stops this bug:

\`\`\`ts
function refundOrder(orderId: string, userId: string) { /* ... */ }
refundOrder(user.id, order.id); // arguments swapped, compiles fine
\`\`\`

A **brand** adds a phantom property that exists only in the type system:

\`\`\`ts
type UserId = string & { readonly __brand: "UserId" };
type OrderId = string & { readonly __brand: "OrderId" };

function asUserId(id: string): UserId {
  // validate format here if you like, e.g. id.startsWith("u_")
  return id as UserId;
}

function getUser(id: UserId) { /* ... */ }

const orderId = "o_1" as OrderId;
getUser(orderId);            // error: OrderId is not assignable to UserId
getUser(asUserId("u_1"));    // ok
\`\`\`

At runtime a \`UserId\` is just a string, so there is no cost. The only place you cast is the constructor function, ideally right where data enters your system (parsing a request or a database row).

## Template literal types: typed string formats

Template literal types build string types the way template strings build strings:

\`\`\`ts
type EventName = \`on\${Capitalize<"click" | "focus">}\`; // "onClick" | "onFocus"
type CssLength = \`\${number}px\` | \`\${number}rem\`;
const gap: CssLength = "1.5rem"; // ok
const bad: CssLength = "1.5em";  // error
\`\`\`

Unions inside a template produce every combination, which is handy for names like \`"top-left" | "top-right" | ...\`, but be aware that large unions multiply quickly.

Combined with \`infer\`, template literal types can even **parse** strings. This type extracts the parameters from a route pattern:

\`\`\`ts
type RouteParams<S extends string> =
  S extends \`\${string}:\${infer P}/\${infer Rest}\`
    ? P | RouteParams<\`/\${Rest}\`>
    : S extends \`\${string}:\${infer P}\`
      ? P
      : never;

type P = RouteParams<"/users/:userId/posts/:postId">; // "userId" | "postId"
\`\`\`

Frameworks use exactly this technique so that \`params.userId\` autocompletes and \`params.usrId\` is an error.

## Choosing the right tool

| Problem | Tool |
| --- | --- |
| A list of allowed values needed at runtime *and* as a type | \`as const\` + \`(typeof X)[number]\` |
| Check an object's shape but keep precise inferred types | \`satisfies\` |
| Several kinds of ID that are all strings | Branded types |
| Strings with a fixed format, or keys derived from other keys | Template literal types |

## Summary

- \`as const\` prevents widening and produces readonly literal types.
- \`satisfies\` validates a value against a type without replacing its inferred type.
- Brands make structurally identical types incompatible at zero runtime cost.
- Template literal types describe and even parse string formats; use them where they remove real duplication.`,
          quiz: {
            pass_mark: 70,
            questions: [
              {
                type: "single_choice",
                question: 'Given const ROLES = ["admin", "editor"] as const, what is (typeof ROLES)[number]?',
                options: ["string", "string[]", '"admin" | "editor"', "readonly string[]"],
                correct: 2,
                explanation:
                  "as const keeps the literal types, and indexing the tuple type with number gives the union of its element types.",
              },
              {
                type: "true_false",
                question:
                  "With `const config = { port: 3000 } satisfies Record<string, string | number>`, the type of config.port is number.",
                correct: true,
                explanation:
                  "satisfies checks the value against the type but keeps the more precise inferred type of the value itself.",
              },
              {
                type: "multiple_choice",
                question: "Which statements about branded types are true?",
                options: [
                  "They prevent passing an OrderId where a UserId is expected",
                  "They add no runtime cost; the brand exists only in the type system",
                  "They require a class to be declared for each ID",
                  "Values are usually created through a small constructor function that performs the cast",
                ],
                correct: [0, 1, 3],
                explanation:
                  "Brands are intersection types with a phantom property: no class and no runtime data, and the single cast lives in a constructor function.",
              },
              {
                type: "short_answer",
                // biome-ignore lint/suspicious/noTemplateCurlyInString: the question quotes a TypeScript template literal type
                question: 'What is the type `on${Capitalize<"click">}` equal to?',
                accepted_answers: ['"onClick"', "onClick", "'onClick'"],
                explanation: 'Capitalize turns "click" into "Click", and the template literal prefixes it with "on".',
              },
            ],
          },
        },
      ],
    },
  ],
};
