import { describe, expect, it } from "vitest";
import { parseWebVtt, webVttText } from "./webvtt.js";

const sample = `WEBVTT

NOTE a comment

1
00:00:00.000 --> 00:00:04.500
In this lesson we follow <b>carbon</b>.

00:00:04.500 --> 00:01:07.966 align:start
The route it takes
is the Calvin cycle.
`;

describe("WebVTT", () => {
  it("parses cues with their times, skipping ids, notes and tags", () => {
    expect(parseWebVtt(sample)).toEqual([
      { start: 0, end: 4.5, text: "In this lesson we follow carbon." },
      { start: 4.5, end: 67.966, text: "The route it takes is the Calvin cycle." },
    ]);
  });

  it("accepts hours and refuses malformed timings with the line number", () => {
    expect(parseWebVtt("WEBVTT\n\n01:00:00.000 --> 01:00:01.000\nx")[0]?.start).toBe(3600);
    expect(() => parseWebVtt("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nx")).toThrow(/line 3/);
    expect(() => parseWebVtt("00:00:00.000 --> 00:00:01.000\nx")).toThrow(/WEBVTT/);
  });

  it("gives the spoken text for search", () => {
    expect(webVttText(sample)).toBe("In this lesson we follow carbon. The route it takes is the Calvin cycle.");
    expect(webVttText(null)).toBe("");
  });
});
