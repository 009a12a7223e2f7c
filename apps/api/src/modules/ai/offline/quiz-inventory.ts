import type { NlpToken } from "./nlp.js";
import type { PassageSentence } from "./passages.js";
import { looksPlural, render, singular, termKey, textTokens } from "./quiz-grammar.js";
import { type TermSpan, termSpans } from "./terms.js";

/**
 * A course's concept inventory: its terms grouped into kinds, so a wrong option is always of the same kind as the
 * right one (another flavour compound for "acids", another drivetrain part for "cassette"), never a random word.
 * Kinds come from the text itself: terms listed together ("acids, then sugars, and the bitter compounds"),
 * compounds with the same head ("finer grind", "coarser grind"), definitions naming the same category ("X is the
 * process…", "Y is the process…") and sentences that say the same of two things ("A finer grind exposes…",
 * "A coarser grind exposes…").
 */
export interface Concept {
  key: string;
  /** The usual spelling, lower-cased unless it is a name or an acronym. */
  term: string;
  plural: boolean;
  count: number;
  lessons: Set<string>;
}

export interface ConceptInventory {
  concepts: Map<string, Concept>;
  /** Concepts of the same kind as `key`, most used first (deterministic). */
  siblings(key: string): Concept[];
  /** The definition category of a concept ("process" for "extraction"), when the course defines it. */
  categoryOf(key: string): string | undefined;
}

export interface SentenceSpan extends TermSpan {
  /** The span's identity in the inventory. */
  conceptKey: string;
}

/** Term spans of a sentence's text tokens, keyed like the inventory. */
export function conceptSpans(tokens: readonly NlpToken[]): SentenceSpan[] {
  return termSpans(tokens).map((s) => ({ ...s, conceptKey: termKey(s.surface) }));
}

const JOINERS = /^(,|and|or|, and|, or|, then|then|and then|, and then|, then the|, and the|and the|or the|, or the)$/;
const between = (tokens: readonly NlpToken[], from: number, to: number) =>
  tokens
    .slice(from, to)
    .filter((t) => !(t.pos === "DET" && /^(the|a|an)$/i.test(t.value)))
    .map((t) => t.value.toLowerCase())
    .join(" ");

/** Runs of terms listed together in a sentence ("the cassette and the chainrings"; "acids …, then sugars, and …"). */
export function listedRuns(tokens: readonly NlpToken[], spans: readonly SentenceSpan[]): SentenceSpan[][] {
  const runs: SentenceSpan[][] = [];
  let run: SentenceSpan[] = [];
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  for (const span of sorted) {
    const prev = run[run.length - 1];
    // "Acids dissolve first, then sugars": a verb and an adverb may sit between the items of an ordered list.
    const gap = prev ? between(tokens, prev.to + 1, span.from) : "";
    const ordered = prev ? /^(\w+ \w+ )?, then$|^(\w+ \w+ )?, then$/.test(gap) : false;
    if (prev && (JOINERS.test(gap) || ordered)) run.push(span);
    else {
      if (run.length >= 2) runs.push(run);
      run = [span];
    }
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}

/** Sentence-initial capitals that are instructions or openers ("Clean the chain", "Welcome"), not names. */
function initialOnly(spans: Array<{ span: TermSpan; initial: boolean }>): boolean {
  return spans.every((s) => s.initial) && spans.every((s) => !/\s/.test(s.span.surface));
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    const p = this.parent.get(x);
    if (p === undefined || p === x) return x;
    const root = this.find(p);
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller key stays the root, so groups don't depend on the order links were found in.
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(drop, keep);
  }
}

/** The head noun of a definition's predicate: "Extraction is the process of…" → "process". */
function definitionCategory(tokens: readonly NlpToken[], spans: readonly SentenceSpan[]): [string, string] | undefined {
  const first = spans[0];
  if (!first || first.from > 1) return undefined;
  const cop = tokens[first.to + 1];
  const det = tokens[first.to + 2];
  if (!cop || !/^(is|are)$/i.test(cop.value) || !det || !/^(the|a|an)$/i.test(det.value)) return undefined;
  const next = spans.find((s) => s.from > first.to + 2);
  if (!next || next.from > first.to + 5) return undefined;
  const head = next.surface.split(/\s+/).pop() ?? "";
  return [first.conceptKey, singular(head)];
}

export function buildInventory(sentences: readonly PassageSentence[]): ConceptInventory {
  const seen = new Map<string, Array<{ span: TermSpan; initial: boolean; lesson: string }>>();
  const links = new UnionFind();
  const categories = new Map<string, string>();
  const byCategory = new Map<string, string[]>();
  const pairs: Array<[string, string]> = [];
  /** Terms seen in a list: a list item is a thing even when it only ever starts a sentence ("Mitochondria, …"). */
  const listed = new Set<string>();
  let previous: { tokens: NlpToken[]; lesson: string } | undefined;
  for (const s of sentences) {
    const tokens = textTokens(s.tokens);
    const spans = conceptSpans(tokens);
    for (const span of spans) {
      const list = seen.get(span.conceptKey) ?? [];
      list.push({ span, initial: span.from === 0, lesson: s.lessonId });
      seen.set(span.conceptKey, list);
    }
    for (const run of listedRuns(tokens, spans))
      for (const [k, x] of run.entries()) {
        listed.add(x.conceptKey);
        for (const y of run.slice(k + 1)) pairs.push([x.conceptKey, y.conceptKey]);
      }
    const def = definitionCategory(tokens, spans);
    if (def) {
      categories.set(def[0], def[1]);
      byCategory.set(def[1], [...(byCategory.get(def[1]) ?? []), def[0]]);
    }
    // Two neighbouring sentences that say the same of two things are about siblings ("A finer grind exposes…").
    if (previous && previous.lesson === s.lessonId) {
      const parallel = parallelSubjects(previous.tokens, tokens);
      if (parallel) pairs.push([termKey(parallel[0]), termKey(parallel[1])]);
    }
    previous = { tokens, lesson: s.lessonId };
  }

  const concepts = new Map<string, Concept>();
  for (const [key, uses] of seen) {
    if (initialOnly(uses) && !listed.has(key)) continue;
    const surfaces = new Map<string, number>();
    for (const u of uses) {
      // A capital that only comes from starting a sentence doesn't make a name.
      const surface =
        u.initial && /^\p{Lu}\p{Ll}/u.test(u.span.surface) ? u.span.surface.toLowerCase() : u.span.surface;
      surfaces.set(surface, (surfaces.get(surface) ?? 0) + 1);
    }
    const [term] = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] as [
      string,
      number,
    ];
    concepts.set(key, {
      key,
      term,
      plural: looksPlural(term.split(/\s+/).pop() ?? ""),
      count: uses.length,
      lessons: new Set(uses.map((u) => u.lesson)),
    });
  }

  for (const [a, b] of pairs) if (concepts.has(a) && concepts.has(b)) links.union(a, b);
  for (const members of byCategory.values()) {
    const known = members.filter((m) => concepts.has(m));
    for (const m of known.slice(1)) links.union(known[0] as string, m);
  }
  // Compounds sharing a head ("harsh compounds", "flavour compounds") are kinds of the same thing.
  const byHead = new Map<string, string[]>();
  for (const c of concepts.values()) {
    const words = c.key.split(/\s+/);
    if (words.length < 2) continue;
    const head = words[words.length - 1] as string;
    byHead.set(head, [...(byHead.get(head) ?? []), c.key]);
  }
  for (const members of byHead.values()) for (const m of members.slice(1)) links.union(members[0] as string, m);

  const groups = new Map<string, Concept[]>();
  for (const c of concepts.values()) {
    const root = links.find(c.key);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  for (const g of groups.values()) g.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

  return {
    concepts,
    siblings: (key) => (groups.get(links.find(key)) ?? []).filter((c) => c.key !== key),
    categoryOf: (key) => categories.get(key),
  };
}

/**
 * Two sentences that differ only in their subject's modifier and go on with the same verb: "A finer grind exposes
 * more surface…" / "A coarser grind exposes less surface…". Returns the two subjects as written (without the
 * article), or undefined.
 */
export function parallelSubjects(a: readonly NlpToken[], b: readonly NlpToken[]): [string, string] | undefined {
  const lower = (t: NlpToken | undefined) => t?.value.toLowerCase();
  let i = 0;
  if (/^(the|a|an)$/.test(lower(a[0]) ?? "") && lower(a[0]) === lower(b[0])) i = 1;
  const wa = a[i];
  const wb = b[i];
  if (!wa || !wb || lower(wa) === lower(wb) || wa.type !== "word" || wb.type !== "word") return undefined;
  const head = a[i + 1];
  const verb = a[i + 2];
  if (!head || !verb || lower(head) !== lower(b[i + 1]) || lower(verb) !== lower(b[i + 2])) return undefined;
  if (head.type !== "word" || verb.type !== "word" || /^(is|are|was|were|,)$/.test(lower(verb) ?? "")) return undefined;
  // "Todo recto means…" / "Siga todo recto means…": a verb in the head slot is no subject.
  if (/^(means|is|are|was|were|has|have|does|do|can|will|gives|makes|says)$/.test(lower(head) ?? "")) return undefined;
  if (looksPlural(head.value) !== looksPlural(b[i + 1]?.value ?? "")) return undefined;
  return [render([wa, head]), render([wb, b[i + 1] as NlpToken])].map((s) => s.toLowerCase()) as [string, string];
}
