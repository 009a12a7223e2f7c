// @vitest-environment happy-dom
import type { StudioCourse } from "@lumen/contracts";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deferred, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { signInAs, signOut } from "@/test/session";
import { StudioHome } from "./studio-home";

function course(id: string, title: string, overrides: Partial<StudioCourse> = {}): StudioCourse {
  return {
    id,
    slug: id,
    title,
    subtitle: "",
    status: "published",
    category: "Science",
    level: "beginner",
    pricing: { is_free: true, price: 0 },
    thumbnail_url: null,
    lesson_count: 3,
    enrollment_count: 12,
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-02T00:00:00.000Z",
    published_at: "2026-01-02T00:00:00.000Z",
    ...overrides,
  };
}

const titles = () =>
  within(screen.getByRole("list"))
    .getAllByRole("heading", { level: 3 })
    .map((h) => h.textContent);

beforeEach(() => signInAs(testUser({ role: "creator" })));
afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

describe("StudioHome", () => {
  it("lists my courses with their figures and pages on with the cursor", async () => {
    const api = serveApi({
      "GET /courses/mine": ({ query }) =>
        query.get("cursor") === "c2"
          ? ok({ items: [course("3", "Third", { status: "draft", enrollment_count: 0 })], next_cursor: null })
          : ok({ items: [course("1", "First"), course("2", "Second")], next_cursor: "c2" }),
    });
    render(<StudioHome now={new Date("2026-01-03T00:00:00.000Z")} />);
    expect(await screen.findByRole("heading", { name: "First" })).toBeTruthy();
    expect(screen.getAllByText("12 learners enrolled")).toHaveLength(2);

    await userEvent.setup().click(screen.getByRole("button", { name: "Show more courses" }));
    expect(await screen.findByRole("heading", { name: "Third" })).toBeTruthy();
    expect(titles()).toEqual(["First", "Second", "Third"]);
    expect(screen.queryByRole("button", { name: "Show more courses" })).toBeNull();
    expect(api.callsTo("GET /courses/mine").map((c) => c.query.get("cursor"))).toEqual([null, "c2"]);
  });

  it("starts over for a new filter and drops a page still arriving for the old one", async () => {
    const late = deferred();
    const api = serveApi({
      "GET /courses/mine": ({ query }) => {
        if (query.get("status") === "draft") return ok({ items: [course("9", "A draft")], next_cursor: null });
        return query.get("cursor") ? late.handler() : ok({ items: [course("1", "First")], next_cursor: "c2" });
      },
    });
    const user = userEvent.setup();
    render(<StudioHome />);
    await user.click(await screen.findByRole("button", { name: "Show more courses" }));
    await user.click(screen.getByRole("button", { name: "Drafts" }));
    expect(await screen.findByRole("heading", { name: "A draft" })).toBeTruthy();

    // The late answer is handled in promise callbacks only; inside act, a page applied by mistake would render
    // before act returns, instead of in a scheduler task the next assertion might run ahead of.
    await act(async () => {
      late.answer(ok({ items: [course("2", "Second, published")], next_cursor: null }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(titles()).toEqual(["A draft"]);
    expect(api.callsTo("GET /courses/mine").at(-1)?.query.get("status")).toBe("draft");
  });
});
