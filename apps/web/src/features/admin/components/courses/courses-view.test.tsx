// @vitest-environment happy-dom
import type { AdminCourse } from "@lumen/contracts";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, ok, renderWithRouter, restoreApi, serveApi, signInAsAdmin, signOut } from "../../admin.test-support";
import { CoursesView } from "./courses-view";

const COURSE_ID = "00000000-0000-4000-8000-0000000000c1";

function course(overrides: Partial<AdminCourse> = {}): AdminCourse {
  return {
    id: COURSE_ID,
    slug: "photosynthesis",
    title: "Photosynthesis Essentials",
    status: "published",
    creator: { id: "u-ada", full_name: "Ada Okafor", email: "ada@lumen.dev" },
    enrollment_count: 3,
    lesson_count: 6,
    created_at: "2026-02-01T09:00:00.000Z",
    published_at: "2026-02-02T09:00:00.000Z",
    ...overrides,
  };
}

const rowOf = async (title: string) => (await screen.findByRole("link", { name: title })).closest("li") as HTMLElement;

beforeEach(() => {
  signInAsAdmin();
});

afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

describe("CoursesView", () => {
  it("offers only the moves the course rules allow, and says why", async () => {
    serveApi({
      "GET /admin/courses": ok({
        items: [
          course(),
          course({ id: "c-2", title: "Empty draft", status: "draft", lesson_count: 0, published_at: null }),
          course({ id: "c-3", title: "Old course", status: "archived" }),
        ],
        next_cursor: null,
      }),
    });
    renderWithRouter(<CoursesView filters={{ q: "", status: null }} />);

    const published = await rowOf("Photosynthesis Essentials");
    expect(within(published).getByText("by Ada Okafor")).toBeTruthy();
    expect(within(published).getByText("3 learners enrolled")).toBeTruthy();
    expect(
      within(published)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Unpublish “Photosynthesis Essentials”", "Archive “Photosynthesis Essentials”"]);
    const draft = await rowOf("Empty draft");
    expect(
      within(draft)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Archive “Empty draft”"]);
    expect(within(draft).getByText("It can't be published until it has a lesson.")).toBeTruthy();
    const archived = await rowOf("Old course");
    expect(
      within(archived)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Republish “Old course”"]);
  });

  it("unpublishes with a reason after saying what happens to the enrolled learners", async () => {
    const { calls } = serveApi({
      "GET /admin/courses": ok({ items: [course()], next_cursor: null }),
      [`PUT /admin/courses/${COURSE_ID}`]: ok({ course: course({ status: "draft" }) }),
    });
    renderWithRouter(<CoursesView filters={{ q: "", status: null }} />);
    const user = userEvent.setup();
    const row = await rowOf("Photosynthesis Essentials");

    await user.click(within(row).getByRole("button", { name: "Unpublish “Photosynthesis Essentials”" }));
    const dialog = await screen.findByRole("dialog", { name: "Unpublish “Photosynthesis Essentials”?" });
    expect(
      within(dialog).getByText(/the 3 learners enrolled lose access to it until it is published again/),
    ).toBeTruthy();
    await user.type(within(dialog).getByRole("textbox", { name: /Reason/ }), "  Copyright complaint ");
    await user.click(within(dialog).getByRole("button", { name: "Unpublish" }));

    expect(await screen.findByText("“Photosynthesis Essentials” is unpublished.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(within(row).getByText("Draft")).toBeTruthy();
    expect(
      within(row)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Republish “Photosynthesis Essentials”", "Archive “Photosynthesis Essentials”"]);
    expect(calls.find((c) => c.key.startsWith("PUT"))?.body).toEqual({
      status: "draft",
      reason: "Copyright complaint",
    });
  });

  it("explains a 409 in words inside the dialog and changes nothing", async () => {
    serveApi({
      "GET /admin/courses": ok({ items: [course({ status: "archived" })], next_cursor: null }),
      [`PUT /admin/courses/${COURSE_ID}`]: failure(409, "CONFLICT", "Add at least one lesson before publishing"),
    });
    renderWithRouter(<CoursesView filters={{ q: "", status: null }} />);
    const user = userEvent.setup();
    const row = await rowOf("Photosynthesis Essentials");

    await user.click(within(row).getByRole("button", { name: "Republish “Photosynthesis Essentials”" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Republish" }));

    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "A course needs at least one lesson before it can be published. Nothing changed.",
    );
    expect(within(row).getByText("Archived")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("searches and filters by status through the URL", async () => {
    const { calls } = serveApi({ "GET /admin/courses": ok({ items: [], next_cursor: null }) });
    const { router } = renderWithRouter(<CoursesView filters={{ q: "photo", status: "draft" }} />);
    expect(await screen.findByText("No draft courses match “photo”.")).toBeTruthy();
    expect(calls[0]?.query.get("q")).toBe("photo");
    expect(calls[0]?.query.get("status")).toBe("draft");

    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "archived");
    expect(router.push).toHaveBeenCalledWith("/admin/courses?q=photo&status=archived", { scroll: false });
    await user.click(screen.getByRole("button", { name: "Show all courses" }));
    expect(router.push).toHaveBeenLastCalledWith("/admin/courses", { scroll: false });
  });
});
