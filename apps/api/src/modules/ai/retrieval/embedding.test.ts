import { describe, expect, it } from "vitest";
import { cosine, embeddingFeatures, fnv1a, hashEmbedding, LOCAL_EMBEDDING_MODEL, localEmbedder } from "./embedding.js";

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("fnv1a", () => {
  it("matches the reference FNV-1a 32-bit values", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
});

describe("localEmbedder", () => {
  it("is the lumen-hash-256 model: 256 dimensions, unit length", async () => {
    expect(localEmbedder.model).toBe(LOCAL_EMBEDDING_MODEL);
    const [v] = await localEmbedder.embed(["The Calvin cycle fixes carbon dioxide into sugar."]);
    expect(v).toHaveLength(256);
    expect(norm(v ?? [])).toBeCloseTo(1, 6);
  });

  it("is deterministic", async () => {
    const text = "Rubisco grabs a molecule of carbon dioxide.";
    const [a, b] = await localEmbedder.embed([text, text]);
    expect(a).toEqual(b);
    expect(hashEmbedding(text)).toEqual(a);
  });

  it("ranks related texts above unrelated ones", () => {
    const q = hashEmbedding("What does rubisco do with carbon dioxide?");
    const related = hashEmbedding("An enzyme called rubisco grabs a molecule of carbon dioxide.");
    const unrelated = hashEmbedding("Use a left join to keep customers without orders.");
    expect(cosine(q, related)).toBeGreaterThan(0.3);
    expect(cosine(q, related)).toBeGreaterThan(cosine(q, unrelated) + 0.2);
  });

  it("matches inflections through lemmas, and ignores stop words and punctuation", () => {
    expect(cosine(hashEmbedding("the loops ran"), hashEmbedding("a loop runs!"))).toBeCloseTo(1, 6);
    const features = embeddingFeatures("The cycle has three phases.");
    expect([...features.keys()]).toEqual(["w:cycle", "b:cycle phase", "w:phase"]);
  });

  it("damps repeated words (sub-linear term frequency)", () => {
    const once = hashEmbedding("carbon sugar");
    const many = hashEmbedding("carbon carbon carbon carbon carbon carbon carbon carbon sugar");
    expect(cosine(once, many)).toBeGreaterThan(0.75);
  });

  it("gives an empty text the zero vector, which is similar to nothing", () => {
    const empty = hashEmbedding("the and of");
    expect(norm(empty)).toBe(0);
    expect(cosine(empty, hashEmbedding("carbon"))).toBe(0);
  });
});
