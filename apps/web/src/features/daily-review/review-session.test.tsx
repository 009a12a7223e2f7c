// @vitest-environment happy-dom
import type { RecallCard } from "@lumen/contracts";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ApiRequest, failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs } from "@/test/session";
import { ReviewDashboardCard } from "./review-dashboard-card";
import { ReviewSession } from "./review-session";

const card = (n: number, overrides: Partial<RecallCard> = {}): RecallCard => ({
  id: `0000000${n}-0000-4000-8000-000000000000`,
  kind: "definition",
  term: `Term ${n}`,
  meaning: `Meaning number ${n}`,
  course_id: "c-1",
  course_title: "Coffee",
  lesson_id: "l-1",
  lesson_title: "Extraction",
  cue_seconds: 65,
  due: "2026-03-02T09:00:00.000Z",
  state: "new",
  reps: 0,
  ...overrides,
});
const stats = (over: object = {}) => ({
  due_count: 2,
  done_today: 0,
  total_cards: 2,
  session_completed: false,
  ...over,
});
const graded = (request: ApiRequest, done: number, completed: boolean) =>
  ok({
    review_id: (request.body as { review_id: string }).review_id,
    card: card(1, { due: "2026-03-05T09:00:00.000Z" }),
    rating: (request.body as { rating: string }).rating,
    applied: true,
    stats: stats({ due_count: 2 - done, done_today: done, session_completed: completed }),
  });

beforeEach(() => {
  signInAs(testUser({ email_verified: true }), "token-sam");
});
afterEach(() => {
  cleanup();
  restoreApi();
});

describe("the review page", () => {
  it("flips a card, links to the cue's moment, and grades with keys 1–4 once per card", async () => {
    let done = 0;
    const api = serveApi({
      "GET /review/today": ok({ items: [card(1), card(2, { cue_seconds: null, kind: "key_idea" })], stats: stats() }),
      [`POST /review/cards/${card(1).id}/grade`]: (r) => graded(r, ++done, false),
      [`POST /review/cards/${card(2).id}/grade`]: (r) => graded(r, ++done, true),
    });
    const { user } = renderWithRouter(<ReviewSession />);

    expect((await screen.findByRole("heading", { name: "Term 1" })).textContent).toBe("Term 1");
    expect(screen.getByText("Card 1 of 2")).toBeTruthy();
    expect(screen.queryByText("Meaning number 1")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Show meaning" }));
    expect(screen.getByText("Meaning number 1")).toBeTruthy();
    const moment = screen.getByRole("link", { name: "Watch this moment (1:05)" });
    expect(moment.getAttribute("href")).toBe("/learn/c-1/l-1?t=65");

    await user.keyboard("3");
    await screen.findByRole("heading", { name: "Term 2" });
    expect(screen.getByText("Card 2 of 2")).toBeTruthy();
    // Keys do nothing until the card is turned over.
    await user.keyboard("1");
    expect(api.callsTo(`POST /review/cards/${card(2).id}/grade`)).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Show meaning" }));
    expect(screen.getByRole("link", { name: "Open the lesson" }).getAttribute("href")).toBe("/learn/c-1/l-1");
    await user.click(screen.getByRole("button", { name: /Easy/ }));
    await screen.findByRole("heading", { name: "Review done!" });
    expect(screen.getByText(/counts toward your learning streak/)).toBeTruthy();

    const first = api.callsTo(`POST /review/cards/${card(1).id}/grade`);
    expect(first.map((c) => (c.body as { rating: string }).rating)).toEqual(["good"]);
    expect(
      api.callsTo(`POST /review/cards/${card(2).id}/grade`).map((c) => (c.body as { rating: string }).rating),
    ).toEqual(["easy"]);
  });

  it("resends a failed grade with the same review id, so the card is graded once", async () => {
    let calls = 0;
    const api = serveApi({
      "GET /review/today": ok({ items: [card(1), card(2)], stats: stats() }),
      [`POST /review/cards/${card(1).id}/grade`]: (r) =>
        ++calls === 1 ? failure(503, "SERVICE_UNAVAILABLE", "Try again in a moment") : graded(r, 1, false),
    });
    const { user } = renderWithRouter(<ReviewSession />);
    await user.click(await screen.findByRole("button", { name: "Show meaning" }));
    await user.click(screen.getByRole("button", { name: /Good/ }));
    expect((await screen.findByRole("alert")).textContent).toContain("wasn't saved");
    await user.click(screen.getByRole("button", { name: /Good/ }));
    await screen.findByRole("heading", { name: "Term 2" });
    const ids = api
      .callsTo(`POST /review/cards/${card(1).id}/grade`)
      .map((c) => (c.body as { review_id: string }).review_id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it("says all caught up when nothing is due", async () => {
    serveApi({ "GET /review/today": ok({ items: [], stats: stats({ due_count: 0 }) }) });
    renderWithRouter(<ReviewSession />);
    expect(await screen.findByRole("heading", { name: "All caught up" })).toBeTruthy();
  });
});

describe("the dashboard's 5-minute review card", () => {
  it("shows the due count and a way in", async () => {
    serveApi({ "GET /review/stats": ok(stats({ due_count: 12 })) });
    render(<ReviewDashboardCard />);
    const region = await screen.findByRole("region", { name: "5-minute review" });
    expect(region.textContent).toContain("12 cards due");
    expect(screen.getByRole("link", { name: "Start review" }).getAttribute("href")).toBe("/review");
  });

  it("is a friendly note when everything is reviewed, and absent without any card", async () => {
    serveApi({ "GET /review/stats": ok(stats({ due_count: 0, done_today: 3 })) });
    render(<ReviewDashboardCard />);
    expect((await screen.findByRole("region", { name: "5-minute review" })).textContent).toContain(
      "All caught up: 3 cards reviewed today",
    );
    expect(screen.queryByRole("link", { name: "Start review" })).toBeNull();
    cleanup();

    const api = serveApi({ "GET /review/stats": ok(stats({ due_count: 0, total_cards: 0 })) });
    const { container } = render(<ReviewDashboardCard />);
    await vi.waitFor(() => expect(api.callsTo("GET /review/stats")).toHaveLength(1));
    await vi.waitFor(() => expect(container.innerHTML).toBe(""));
  });
});
