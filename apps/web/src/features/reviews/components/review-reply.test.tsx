// @vitest-environment happy-dom
import type { Review } from "@lumen/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { ReviewItem } from "./review-item";

const REPLY_PATH = "/courses/c-1/reviews/r-1/reply";

const review = (over: Partial<Review> = {}): Review => ({
  id: "r-1",
  course_id: "c-1",
  rating: 3,
  body: "Too fast in places.",
  created_at: "2026-11-02T10:00:00.000Z",
  updated_at: "2026-11-02T10:00:00.000Z",
  user: { id: "u-lea", full_name: "Lea Learner", avatar_url: null },
  reply: null,
  ...over,
});
const replied = (body: string): Review =>
  review({
    reply: {
      body,
      created_at: "2026-11-03T09:00:00.000Z",
      updated_at: "2026-11-03T09:00:00.000Z",
      author: { id: "u-ada", full_name: "Ada Creator", avatar_url: null },
    },
  });

/** The item as the list holds it: the review it renders follows what the API answered. */
function Harness({ initial, canReply }: { initial: Review; canReply: boolean }) {
  const [current, setCurrent] = useState(initial);
  return <ReviewItem review={current} canReply={canReply} onChange={setCurrent} />;
}

beforeEach(() => {
  signInAs(testUser({ id: "u-ada", role: "creator", email_verified: true }));
});
afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

describe("the creator's reply under a review", () => {
  it("shows a reply to everyone, without reply buttons for those who can't reply", () => {
    renderWithRouter(<Harness initial={replied("Lesson 2 is slower now.")} canReply={false} />);
    expect(screen.getByText("Lesson 2 is slower now.")).toBeTruthy();
    expect(screen.getByText(/Response from Ada Creator/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /reply/i })).toBeNull();
  });

  it("posts a reply from the form, shows it in place and returns focus to the button", async () => {
    const { calls } = serveApi({ [`PUT ${REPLY_PATH}`]: ok(replied("Thanks! Lesson 2 is slower now.")) });
    const { user } = renderWithRouter(<Harness initial={review()} canReply />);
    await user.click(screen.getByRole("button", { name: "Reply to Lea Learner's review" }));
    const field = screen.getByRole("textbox", { name: "Reply to Lea Learner" });
    await waitFor(() => expect(document.activeElement).toBe(field));
    await user.type(field, "  Thanks! Lesson 2 is slower now.  ");
    await user.click(screen.getByRole("button", { name: "Post reply" }));

    expect(await screen.findByText("Thanks! Lesson 2 is slower now.")).toBeTruthy();
    expect(calls.find((c) => c.key === `PUT ${REPLY_PATH}`)?.body).toEqual({ body: "Thanks! Lesson 2 is slower now." });
    expect(screen.getByRole("status").textContent).toContain("The reviewer will be notified");
    const edit = screen.getByRole("button", { name: "Edit reply to Lea Learner's review" });
    await waitFor(() => expect(document.activeElement).toBe(edit));
  });

  it("says what is wrong with an empty reply without calling the API, and shows the API's field error", async () => {
    const { calls } = serveApi({
      [`PUT ${REPLY_PATH}`]: failure(400, "VALIDATION_ERROR", "Invalid request", {
        in: "body",
        fields: { body: ["A reply must be at most 2000 characters"] },
      }),
    });
    const { user } = renderWithRouter(<Harness initial={review()} canReply />);
    await user.click(screen.getByRole("button", { name: "Reply to Lea Learner's review" }));
    await user.click(screen.getByRole("button", { name: "Post reply" }));
    expect(screen.getByText("Write a reply.")).toBeTruthy();
    expect(calls).toHaveLength(0);

    await user.type(screen.getByRole("textbox", { name: "Reply to Lea Learner" }), "Hello");
    await user.click(screen.getByRole("button", { name: "Post reply" }));
    expect(await screen.findByText("A reply must be at most 2000 characters")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Reply to Lea Learner" }).getAttribute("aria-invalid")).toBe("true");
  });

  it("removes a reply after confirmation, leaving the review", async () => {
    serveApi({ [`DELETE ${REPLY_PATH}`]: ok(review()) });
    const { user } = renderWithRouter(<Harness initial={replied("Glad it helped.")} canReply />);
    await user.click(screen.getByRole("button", { name: "Remove reply" }));
    await user.click(screen.getByRole("button", { name: "Yes, remove it" }));
    await waitFor(() => expect(screen.queryByText("Glad it helped.")).toBeNull());
    expect(screen.getByText("Too fast in places.")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Your reply is removed.");
    expect(screen.getByRole("button", { name: "Reply to Lea Learner's review" })).toBeTruthy();
  });
});
