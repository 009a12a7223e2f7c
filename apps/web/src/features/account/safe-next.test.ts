import { describe, expect, it } from "vitest";
import { nextQuery, safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeNextPath("/courses/abc?tab=outline#reviews")).toBe("/courses/abc?tab=outline#reviews");
    expect(safeNextPath("/learn/c1/l2")).toBe("/learn/c1/l2");
  });

  it("falls back to the dashboard when next is missing or not a string", () => {
    expect(safeNextPath(undefined)).toBe("/dashboard");
    expect(safeNextPath("")).toBe("/dashboard");
    expect(safeNextPath(42)).toBe("/dashboard");
  });

  it("takes the first value when the parameter is repeated", () => {
    expect(safeNextPath(["/courses", "//evil.example"])).toBe("/courses");
  });

  it("refuses anything that could leave the site", () => {
    for (const value of [
      "//evil.example",
      "//evil.example/path",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "courses",
      "/\t/evil.example",
      "/\n/evil.example",
    ]) {
      expect(safeNextPath(value), value).toBe("/dashboard");
    }
  });

  it("does not send a signed-in learner back to the login or sign-up page", () => {
    expect(safeNextPath("/login")).toBe("/dashboard");
    expect(safeNextPath("/register?next=/courses")).toBe("/dashboard");
  });

  it("normalises dot segments without leaving the origin", () => {
    expect(safeNextPath("/courses/../dashboard")).toBe("/dashboard");
  });
});

describe("nextQuery", () => {
  it("carries a destination other than the default", () => {
    expect(nextQuery("/courses/abc")).toBe("?next=%2Fcourses%2Fabc");
    expect(nextQuery("/dashboard")).toBe("");
  });
});
