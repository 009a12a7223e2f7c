import type { ItsFunction } from "wink-nlp";
import { getNlp, isTermToken, type NlpSentence, type NlpToken } from "./nlp.js";

/**
 * Everyday words a learner uses for what a lesson says in other words ("cold" for "cooler", "work out" for
 * "calculate"). General English only: nothing here knows any course. Each group matches as one term.
 */
const GROUPS: readonly string[][] = [
  ["cold", "cool", "cooler", "colder", "coldest", "coolest"],
  ["hot", "hotter", "warm", "warmer", "heat", "heated"],
  ["big", "large", "larger", "bigger", "huge"],
  ["small", "little", "smaller", "tiny"],
  ["fast", "quick", "quickly", "faster", "rapid"],
  ["calculate", "compute", "calculation", "computation", "work out"],
  ["important", "importance", "matter", "matters", "essential", "significant", "significance"],
  ["wear", "worn", "wears", "wearing", "wore"],
  ["begin", "start", "beginning", "starts"],
  ["finish", "end", "ending"],
  ["mistake", "error", "errors", "mistakes"],
  ["picture", "image", "visualise", "visualize", "imagine"],
  ["weigh", "weight", "weighing", "weighs"],
  ["kind", "type", "sort", "family", "families"],
  ["purpose", "goal", "aim"],
  ["damage", "harm", "ruin"],
  ["fix", "repair", "mend"],
  ["stop", "halt", "prevent"],
  ["find", "locate", "spot"],
  ["buy", "purchase"],
  ["show", "display"],
  ["pick", "choose", "select"],
  ["need", "require", "requires"],
  ["often", "frequently", "every"],
  ["mean", "average"],
  ["definition", "define", "defined", "means"],
  ["produce", "create", "generate"],
];

let table: Map<string, string> | undefined;

/** Stem → the group's key ("colder" and "cool" both → "cold"), built once from the words above. */
function synonymTable(): Map<string, string> {
  if (table) return table;
  const nlp = getNlp();
  const stem = nlp.its.stem as unknown as ItsFunction<string>;
  const built = new Map<string, string>();
  for (const group of GROUPS) {
    const key = group[0] as string;
    for (const word of group) {
      // Multi-word entries ("work out") match on their last word's stem only where that word is not generic.
      if (word.includes(" ")) continue;
      const stems = nlp.readDoc(word).tokens().out(stem) as string[];
      const s = stems[0]?.toLowerCase();
      if (s && !built.has(s)) built.set(s, key);
    }
  }
  table = built;
  return built;
}

/** What a content token matches on: its stem, or its synonym group's key. A keyword in capitals is itself. */
export function termKey(token: Pick<NlpToken, "stem" | "lemma" | "value">): string {
  if (/^[A-Z]{2,}$/.test(token.value)) return token.stem;
  const table = synonymTable();
  return table.get(token.stem) ?? table.get(token.lemma) ?? token.stem;
}

/** Match keys of a sentence's term tokens, in order. */
export function contentKeys(sentence: Pick<NlpSentence, "tokens">): string[] {
  return sentence.tokens.filter(isTermToken).map(termKey);
}
