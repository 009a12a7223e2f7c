import { describe, expect, it } from "vitest";
import { parseRange, planDelivery } from "./media.delivery.js";

describe("parseRange", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=990-5000", { start: 990, end: 999 }],
    [" bytes = 5 - 9 ", { start: 5, end: 9 }],
  ])("reads %s of a 1000-byte object", (header, range) => {
    expect(parseRange(header, 1000)).toEqual(range);
  });

  it.each(["bytes=1000-", "bytes=1000-2000", "bytes=-0"])("finds %s unsatisfiable", (header) => {
    expect(parseRange(header, 1000)).toBe("unsatisfiable");
  });

  it.each([undefined, "", "bytes=", "bytes=-", "bytes=9-1", "bytes=0-1,4-5", "lines=1-2", "bytes=a-b"])(
    "ignores %s (the whole object is served)",
    (header) => {
      expect(parseRange(header, 1000)).toBeNull();
    },
  );
});

describe("planDelivery", () => {
  const rep = { size: 1000, etag: '"abc"', lastModified: new Date("2025-01-20T10:30:00.500Z") };

  it("prefers If-None-Match over If-Modified-Since", () => {
    const future = "Tue, 21 Jan 2025 00:00:00 GMT";
    expect(planDelivery({ ifNoneMatch: '"other"', ifModifiedSince: future }, rep)).toEqual({ status: 200 });
    expect(planDelivery({ ifNoneMatch: 'W/"abc"' }, rep)).toEqual({ status: 304 });
    expect(planDelivery({ ifModifiedSince: future }, rep)).toEqual({ status: 304 });
  });

  it("compares Last-Modified in whole seconds, as HTTP dates carry them", () => {
    expect(planDelivery({ ifModifiedSince: "Mon, 20 Jan 2025 10:30:00 GMT" }, rep)).toEqual({ status: 304 });
    expect(planDelivery({ ifModifiedSince: "Mon, 20 Jan 2025 10:29:59 GMT" }, rep)).toEqual({ status: 200 });
    const sameSecond = { range: "bytes=0-1", ifRange: "Mon, 20 Jan 2025 10:30:00 GMT" };
    expect(planDelivery(sameSecond, rep)).toMatchObject({ status: 206 });
  });

  it("applies a range only when If-Range names this very representation (strongly)", () => {
    expect(planDelivery({ range: "bytes=0-1", ifRange: '"abc"' }, rep)).toMatchObject({ status: 206 });
    expect(planDelivery({ range: "bytes=0-1", ifRange: 'W/"abc"' }, rep)).toEqual({ status: 200 });
    expect(planDelivery({ range: "bytes=0-1", ifRange: "Mon, 20 Jan 2025 10:00:00 GMT" }, rep)).toEqual({
      status: 200,
    });
  });

  it("throws a 416 that carries Content-Range for a range past the end", () => {
    expect(() => planDelivery({ range: "bytes=1000-" }, rep)).toThrowError(
      expect.objectContaining({ code: "RANGE_NOT_SATISFIABLE", headers: { "content-range": "bytes */1000" } }),
    );
  });
});
