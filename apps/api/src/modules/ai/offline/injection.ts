/**
 * Course material is data, never commands. A creator (or anyone who can get text into a transcript) could
 * plant "Ignore all previous instructions…" in a lesson; the offline tutor drops such sentences, and the
 * LLM prompt builder can use the same test to leave them out of the sources it quotes.
 */
const INSTRUCTION_PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b[^.?!\n]{0,40}\b(instructions?|prompts?|rules|guidelines|messages?|context|everything|directions?)\b/i,
  /\b(previous|prior|above|earlier|original)\s+(instructions?|prompts?|rules|messages?)\b/i,
  /\byou\s+are\s+now\b/i,
  /\bfrom\s+now\s+on\b[^.?!\n]{0,40}\b(you|assistant|ai|model)\b/i,
  /\b(system|developer|hidden)\s+(prompt|message|instructions?)\b/i,
  /\bas\s+an?\s+(ai|language\s+model|llm|assistant|chatbot)\b/i,
  /\b(reply|respond)\s+(only\s+)?with\b/i,
  /\b(answer|say|output|print|write)\s+only\s+(with|the\s+word)\b/i,
  /\b(pretend|act)\s+(to\s+be|you\s+are|as\s+(an?|the|if))\b/i,
  /\b(jailbreak|dan\s+mode|developer\s+mode|prompt\s+injection)\b/i,
  /\bnew\s+instructions?\b/i,
  /\bdo\s+not\s+(follow|obey)\b/i,
  /\breveal\b[^.?!\n]{0,30}\b(prompt|instructions?|secrets?|keys?|passwords?)\b/i,
  /^\s*(system|assistant|user)\s*:/im,
  /<\/?\s*(system|instructions?|assistant|user|prompt)\s*>/i,
  /\[\s*(system|inst)\s*\]/i,
];

/** True when a sentence reads like an instruction to an AI rather than teaching material. */
export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_PATTERNS.some((p) => p.test(text));
}
