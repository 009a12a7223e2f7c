// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, ok, renderWithRouter, restoreApi, serveApi, signInAsAdmin, signOut } from "../../admin.test-support";
import { JobsView } from "./jobs-view";

const deadLetter = {
  id: "mail.1234.7.1700000000000",
  name: "mail.deliver",
  error: "mail not delivered after 8 attempts: 451 try again later",
  attempts: 8,
  failed_at: "2026-03-04T14:05:00.000Z",
};

const overview = (failed: (typeof deadLetter)[]) =>
  ok({
    driver: "bullmq",
    counts: { waiting: 2, active: 1, delayed: 3, completed: 40, failed: failed.length },
    failed,
  });

beforeEach(() => {
  signInAsAdmin();
});

afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

describe("JobsView", () => {
  it("shows counts by state and each failed job with its error, attempts and time", async () => {
    serveApi({ "GET /admin/jobs": overview([deadLetter]) });
    renderWithRouter(<JobsView />);
    const list = await screen.findByRole("list", { name: "Failed jobs" });
    const [item] = within(list).getAllByRole("listitem");
    expect(item?.textContent).toContain("mail.deliver");
    expect(item?.textContent).toContain("451 try again later");
    expect(item?.textContent).toContain("8 attempts");
    expect(item?.textContent).toMatch(/failed Mar 4, 2026/);
    expect(screen.getByText("Running").nextElementSibling?.textContent).toBe("1");
    expect(screen.getByText("Delayed").nextElementSibling?.textContent).toBe("3");
    expect(screen.getByText("Redis (BullMQ)")).toBeTruthy();
  });

  it("retries a failed job and reloads the list", async () => {
    let retried = false;
    const api = serveApi({
      "GET /admin/jobs": () => overview(retried ? [] : [deadLetter]),
      [`POST /admin/jobs/${deadLetter.id}/retry`]: () => {
        retried = true;
        return ok({ id: deadLetter.id, retried: true });
      },
    });
    renderWithRouter(<JobsView />);
    await userEvent.setup().click(await screen.findByRole("button", { name: "Retry" }));
    expect(await screen.findByText(/No failed jobs/)).toBeTruthy();
    expect(api.calls.some((c) => c.key === `POST /admin/jobs/${deadLetter.id}/retry`)).toBe(true);
  });

  it("says why a retry was refused and keeps the job listed", async () => {
    serveApi({
      "GET /admin/jobs": overview([deadLetter]),
      [`POST /admin/jobs/${deadLetter.id}/retry`]: failure(404, "NOT_FOUND", "Failed job not found"),
    });
    renderWithRouter(<JobsView />);
    await userEvent.setup().click(await screen.findByRole("button", { name: "Retry" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/no longer exists/);
    expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
  });

  it("says when the jobs can't be loaded, and tries again", async () => {
    let attempt = 0;
    serveApi({
      "GET /admin/jobs": () => {
        attempt += 1;
        return attempt === 1 ? failure(503, "SERVICE_UNAVAILABLE", "Redis is down.") : overview([]);
      },
    });
    renderWithRouter(<JobsView />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/We couldn't load the jobs\./);
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText(/No failed jobs/)).toBeTruthy();
  });
});
