import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_MEDIA_DIR } from "./assets.js";

// scripts/build-demo-media.sh stamps each video it renders without burned-in captions (the player shows the
// transcript as a captions track; burned-in text showed every line twice). The stamp is a Matroska tag, stored
// as plain text in the file.
const STAMP = "lumen-captions=track-only";

const videos = readdirSync(DEMO_MEDIA_DIR).filter((name) => name.endsWith(".webm"));

describe("demo videos", () => {
  it("exist", () => {
    expect(videos.length).toBeGreaterThan(0);
  });

  it.each(videos)("%s has no captions burned into the picture", (name) => {
    expect(readFileSync(path.join(DEMO_MEDIA_DIR, name)).includes(STAMP)).toBe(true);
  });
});
