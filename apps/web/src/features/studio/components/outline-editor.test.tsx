// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Outline } from "../outline-model";
import {
  COURSE_ID,
  deferred,
  failure,
  LESSON_1,
  LESSON_2,
  LESSON_3,
  MODULE_A,
  MODULE_B,
  ok,
  renderWithRouter,
  restoreApi,
  serveApi,
  signInCreator,
  studioCourse,
  studioLesson,
} from "../studio-test-support";
import { useOutline } from "../use-outline";
import { OutlineEditor } from "./outline-editor";

function Harness({ initial }: { initial: Outline }) {
  const controller = useOutline(COURSE_ID, initial);
  return <OutlineEditor courseId={COURSE_ID} controller={controller} />;
}

const lessonsOf = (module: string) =>
  within(screen.getByRole("list", { name: `Lessons of module ${module}` }))
    .queryAllByRole("link")
    .map((a) => a.textContent);

beforeEach(() => signInCreator());
afterEach(() => {
  cleanup();
  restoreApi();
});

describe("OutlineEditor", () => {
  it("moves a lesson from the keyboard at once, saves the new order, and keeps focus on it", async () => {
    const save = deferred();
    const { callsTo } = serveApi({ [`POST /modules/${MODULE_A}/lessons/reorder`]: save.handler });
    const user = userEvent.setup();
    renderWithRouter(<Harness initial={studioCourse().modules} />);

    screen.getByRole("button", { name: "Move lesson Water up" }).focus();
    await user.keyboard("{Enter}");

    expect(lessonsOf("Basics")).toEqual(["Water", "Light"]);
    expect(screen.getByText("Saving the outline…")).toBeTruthy();
    save.answer(ok({ ids: [LESSON_2, LESSON_1] }));
    await waitFor(() => expect(screen.getByText("2 modules, 3 lessons")).toBeTruthy());
    expect(callsTo(`POST /modules/${MODULE_A}/lessons/reorder`).map((c) => c.body)).toEqual([
      { ids: [LESSON_2, LESSON_1] },
    ]);
    expect(screen.getByText("Lesson Water moved to position 1 of 2 in module Basics.")).toBeTruthy();
    // At the top there is no "up" any more: focus lands on the same lesson's other button.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Move lesson Water down" })),
    );
  });

  it("puts the outline back and explains when the server refuses the move", async () => {
    const refused = deferred();
    serveApi({ [`POST /modules/${MODULE_A}/lessons/reorder`]: refused.handler });
    const user = userEvent.setup();
    renderWithRouter(<Harness initial={studioCourse().modules} />);

    await user.click(screen.getByRole("button", { name: "Move lesson Light down" }));
    expect(lessonsOf("Basics")).toEqual(["Water", "Light"]);
    refused.answer(failure(400, "VALIDATION_ERROR", "Give every lesson of the module exactly once"));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The lesson's new place wasn't saved, so the outline is back as it was.");
    expect(alert.textContent).toContain("Give every lesson of the module exactly once");
    expect(lessonsOf("Basics")).toEqual(["Light", "Water"]);
  });

  it("drops the moves queued behind a failed one, which were made on top of it", async () => {
    const first = deferred();
    const { callsTo } = serveApi({ [`POST /modules/${MODULE_A}/lessons/reorder`]: first.handler });
    const user = userEvent.setup();
    renderWithRouter(<Harness initial={studioCourse().modules} />);

    await user.click(screen.getByRole("button", { name: "Move lesson Light down" }));
    await user.click(screen.getByRole("button", { name: "Move lesson Light up" }));
    first.answer(failure(503, "SERVICE_UNAVAILABLE", "The database is busy"));

    await screen.findByRole("alert");
    expect(callsTo(`POST /modules/${MODULE_A}/lessons/reorder`)).toHaveLength(1);
    expect(lessonsOf("Basics")).toEqual(["Light", "Water"]);
  });

  it("moves a lesson into the next module and into its place there", async () => {
    const { calls } = serveApi({
      [`PUT /lessons/${LESSON_2}`]: ok(
        studioLesson({ id: LESSON_2, title: "Water", module_id: MODULE_B, position: 1 }),
      ),
      [`POST /modules/${MODULE_B}/lessons/reorder`]: ok({ ids: [LESSON_2, LESSON_3] }),
    });
    const user = userEvent.setup();
    renderWithRouter(<Harness initial={studioCourse().modules} />);

    await user.click(screen.getByRole("button", { name: "Move lesson Water down" }));
    expect(lessonsOf("Basics")).toEqual(["Light"]);
    expect(lessonsOf("Going further")).toEqual(["Water", "Sugar"]);
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls.map(({ key, body }) => ({ key, body }))).toEqual([
      { key: `PUT /lessons/${LESSON_2}`, body: { module_id: MODULE_B } },
      { key: `POST /modules/${MODULE_B}/lessons/reorder`, body: { ids: [LESSON_2, LESSON_3] } },
    ]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("reorders modules", async () => {
    const { callsTo } = serveApi({ [`POST /courses/${COURSE_ID}/modules/reorder`]: ok([]) });
    const user = userEvent.setup();
    renderWithRouter(<Harness initial={studioCourse().modules} />);

    await user.click(screen.getByRole("button", { name: "Move module Basics down" }));
    const titles = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(titles.slice(0, 2)).toEqual(["Module 1: Going further", "Module 2: Basics"]);
    await waitFor(() =>
      expect(callsTo(`POST /courses/${COURSE_ID}/modules/reorder`).map((c) => c.body)).toEqual([
        { ids: [MODULE_B, MODULE_A] },
      ]),
    );
  });

  it("adds a module and a lesson, and deletes a lesson after asking", async () => {
    const NEW_MODULE = "0b8f4a31-6a2e-4b59-9f1e-7c1a2d3e4f09";
    const { callsTo } = serveApi({
      [`POST /courses/${COURSE_ID}/modules`]: ok(
        { id: NEW_MODULE, course_id: COURSE_ID, title: "Extras", position: 2 },
        201,
      ),
      [`POST /modules/${NEW_MODULE}/lessons`]: ok(
        studioLesson({ id: "l-new", title: "Bonus", module_id: NEW_MODULE, kind: "text" }),
        201,
      ),
      [`DELETE /lessons/${LESSON_3}`]: ok(null),
    });
    const user = userEvent.setup();
    renderWithRouter(<Harness initial={studioCourse().modules} />);

    await user.click(screen.getByRole("button", { name: "Add module" }));
    expect(screen.getByText("Give it a title")).toBeTruthy();
    await user.type(screen.getByLabelText("New module title"), "Extras{Enter}");
    expect(await screen.findByRole("heading", { level: 3, name: "Module 3: Extras" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Add a lesson to Extras" }));
    await user.type(screen.getByLabelText("New lesson title in Extras"), "Bonus");
    await user.selectOptions(screen.getByLabelText("Lesson type"), "text");
    await user.click(screen.getByRole("button", { name: "Add lesson" }));
    await waitFor(() => expect(lessonsOf("Extras")).toEqual(["Bonus"]));
    expect(callsTo(`POST /modules/${NEW_MODULE}/lessons`).map((c) => c.body)).toEqual([
      { title: "Bonus", kind: "text" },
    ]);

    await user.click(screen.getByRole("button", { name: "Delete lesson Sugar" }));
    const dialog = screen.getByRole("dialog", { name: "Delete lesson “Sugar”?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete lesson" }));
    await waitFor(() => expect(lessonsOf("Going further")).toEqual([]));
    expect(callsTo(`DELETE /lessons/${LESSON_3}`)).toHaveLength(1);
  });
});
