// @vitest-environment happy-dom
import type { CourseDetail } from "@lumen/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  COURSE_ID,
  failure,
  ok,
  renderWithRouter,
  restoreApi,
  serveApi,
  signInCreator,
  studioCourse,
} from "../studio-test-support";
import { PublishPanel } from "./publish-panel";

const PUT = `PUT /courses/${COURSE_ID}`;

function renderPanel(course: CourseDetail, lessonCount = 3) {
  const onChange = vi.fn();
  const view = renderWithRouter(<PublishPanel course={course} lessonCount={lessonCount} onChange={onChange} />);
  return { onChange, ...view };
}

/** The panel beside an outline that starts empty, reduced to its lesson count. */
function WithEmptyOutline() {
  const [lessons, setLessons] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setLessons(1)}>
        Add a lesson
      </button>
      <PublishPanel course={studioCourse({ modules: [] })} lessonCount={lessons} onChange={() => undefined} />
    </>
  );
}

beforeEach(() => signInCreator());
afterEach(() => {
  cleanup();
  restoreApi();
});

describe("PublishPanel", () => {
  it("says a course needs a lesson before asking the API", async () => {
    const { fetch } = serveApi({});
    const user = userEvent.setup();
    renderPanel(studioCourse({ modules: [] }), 0);
    const checklist = within(screen.getByRole("list", { name: "Before publishing" })).getAllByRole("listitem");
    expect(checklist[0]?.textContent).toContain("Missing: At least one lesson");
    await user.click(screen.getByRole("button", { name: "Publish course" }));
    expect(screen.getByRole("alert").textContent).toContain("Add at least one lesson before publishing");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("lets the 'needs a lesson' note go once the outline has a lesson", async () => {
    serveApi({});
    const user = userEvent.setup();
    renderWithRouter(<WithEmptyOutline />);
    await user.click(screen.getByRole("button", { name: "Publish course" }));
    expect(screen.getByRole("alert").textContent).toContain("Add at least one lesson before publishing");

    await user.click(screen.getByRole("button", { name: "Add a lesson" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("publishes, and shows the API's reason when it refuses", async () => {
    let refuse = true;
    const { callsTo } = serveApi({
      [PUT]: () =>
        refuse
          ? failure(409, "CONFLICT", "Add at least one lesson before publishing", {
              fields: { status: ["A course needs at least one lesson to be published"] },
            })
          : ok(studioCourse({ status: "published" })),
    });
    const user = userEvent.setup();
    const { onChange } = renderPanel(studioCourse());

    await user.click(screen.getByRole("button", { name: "Publish course" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Add at least one lesson before publishing");
    expect(onChange).not.toHaveBeenCalled();

    refuse = false;
    await user.click(screen.getByRole("button", { name: "Publish course" }));
    expect(await screen.findByText("Published. The course is in the catalog now.")).toBeTruthy();
    expect(callsTo(PUT).map((c) => c.body)).toEqual([{ status: "published" }, { status: "published" }]);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ status: "published" }));
  });

  it("explains why a course with learners can't go back to draft, and archives it instead", async () => {
    const { callsTo } = serveApi({
      [PUT]: ({ body }) =>
        (body as { status: string }).status === "draft"
          ? failure(
              409,
              "CONFLICT",
              "Learners are enrolled: archive the course instead of turning it back into a draft",
            )
          : ok(studioCourse({ status: "archived" })),
    });
    const user = userEvent.setup();
    const { onChange } = renderPanel(studioCourse({ status: "published" }));

    await user.click(screen.getByRole("button", { name: "Unpublish (back to draft)" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The course can't go back to draft.");
    expect(alert.textContent).toContain("Learners are enrolled");
    await user.click(within(alert).getByRole("button", { name: "Archive instead" }));
    const dialog = screen.getByRole("dialog", { name: "Archive this course?" });
    await user.click(within(dialog).getByRole("button", { name: "Archive course" }));

    await waitFor(() => expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ status: "archived" })));
    expect(callsTo(PUT).map((c) => c.body)).toEqual([{ status: "draft" }, { status: "archived" }]);
  });

  it("deletes a course nobody joined and goes back to the list", async () => {
    serveApi({ [`DELETE /courses/${COURSE_ID}`]: ok({ deleted: true, archived: false }) });
    const user = userEvent.setup();
    const { router } = renderPanel(studioCourse());
    await user.click(screen.getByRole("button", { name: "Delete course" }));
    const dialog = screen.getByRole("dialog", { name: /^Delete “/ });
    await user.click(within(dialog).getByRole("button", { name: "Delete course" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/studio"));
  });
});
