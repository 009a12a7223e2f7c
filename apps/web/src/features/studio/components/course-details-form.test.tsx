// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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
import { CourseDetailsForm } from "./course-details-form";

const PUT = `PUT /courses/${COURSE_ID}`;

function renderForm() {
  const onSaved = vi.fn();
  renderWithRouter(<CourseDetailsForm course={studioCourse()} onSaved={onSaved} />);
  return { onSaved };
}

beforeEach(() => signInCreator());
afterEach(() => {
  cleanup();
  restoreApi();
});

describe("CourseDetailsForm", () => {
  it("checks the contract's rules before sending, in words, focusing the first bad field", async () => {
    const { fetch } = serveApi({ "GET /courses/categories": ok({ items: [] }) });
    const user = userEvent.setup();
    renderForm();
    await user.clear(screen.getByLabelText("Title"));
    await user.click(screen.getByRole("radio", { name: /Paid/ }));
    await user.clear(screen.getByLabelText("Price (US dollars)"));
    await user.click(screen.getByRole("button", { name: "Save details" }));

    expect(await screen.findByText("Title can't be empty")).toBeTruthy();
    expect(screen.getByText("A paid course needs a price above 0")).toBeTruthy();
    expect(screen.getByLabelText("Title").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(screen.getByLabelText("Title"));
    expect(screen.getByRole("status").textContent).toBe("Not saved");
    expect(fetch.mock.calls.some(([, init]) => init?.method === "PUT")).toBe(false);
  });

  it("sends only what changed and reports the save", async () => {
    const { callsTo } = serveApi({
      "GET /courses/categories": ok({ items: [{ name: "biology", course_count: 3 }] }),
      [PUT]: ({ body }) => ok(studioCourse({ ...(body as object), title: "Photosynthesis, revised" })),
    });
    const user = userEvent.setup();
    const { onSaved } = renderForm();
    const title = screen.getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "  Photosynthesis, revised ");
    expect(screen.getByRole("status").textContent).toBe("Unsaved changes");
    await user.click(screen.getByRole("button", { name: "Save details" }));

    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("All changes saved"));
    expect(callsTo(PUT).map((c) => c.body)).toEqual([{ title: "Photosynthesis, revised" }]);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ title: "Photosynthesis, revised" }));
  });

  it("puts the API's field errors on the fields", async () => {
    serveApi({
      "GET /courses/categories": ok({ items: [] }),
      [PUT]: failure(400, "VALIDATION_ERROR", "Some fields are invalid", {
        in: "body",
        fields: { category: ["Category must be at most 60 characters"] },
      }),
    });
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText("Category"), "-and-more");
    await user.click(screen.getByRole("button", { name: "Save details" }));

    const category = screen.getByLabelText("Category");
    await waitFor(() => expect(category.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Category must be at most 60 characters")).toBeTruthy();
    expect(document.activeElement).toBe(category);
    expect(screen.getByRole("status").textContent).toBe("Not saved");
  });

  it("says so in words when the save fails for another reason, and keeps the changes", async () => {
    serveApi({
      "GET /courses/categories": ok({ items: [] }),
      [PUT]: failure(409, "CONFLICT", "Someone changed this course meanwhile"),
    });
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText("Subtitle"), " Now with more light.");
    await user.click(screen.getByRole("button", { name: "Save details" }));

    expect((await screen.findByRole("alert")).textContent).toContain("Someone changed this course meanwhile");
    expect((screen.getByLabelText("Subtitle") as HTMLInputElement).value).toContain("Now with more light.");
    expect(screen.getByRole("status").textContent).toBe("Not saved");
  });
  it("turns certificates off with the checkbox, sending only that setting", async () => {
    const { callsTo } = serveApi({
      "GET /courses/categories": ok({ items: [] }),
      [PUT]: ({ body }) => ok(studioCourse({ ...(body as object) })),
    });
    const user = userEvent.setup();
    const { onSaved } = renderForm();
    const box = screen.getByRole("checkbox", { name: "Award a certificate of completion" }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await user.click(box);
    await user.click(screen.getByRole("button", { name: "Save details" }));

    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("All changes saved"));
    expect(callsTo(PUT).map((c) => c.body)).toEqual([{ certificates_enabled: false }]);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ certificates_enabled: false }));
    expect(box.checked).toBe(false);
  });
});
