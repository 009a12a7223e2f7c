// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import Link from "next/link";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithRouter } from "./studio-test-support";
import { UnsavedChangesGuard, useUnsavedChanges } from "./unsaved-changes";

function Page({ dirty }: { dirty: boolean }) {
  useUnsavedChanges("quiz", "your changes to the quiz", dirty);
  return (
    <>
      <Link href="/studio">My courses</Link>
      <UnsavedChangesGuard />
    </>
  );
}

const beforeUnload = () => {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

afterEach(() => cleanup());

describe("UnsavedChangesGuard", () => {
  it("asks before following a link away from unsaved changes, and stays when told to", async () => {
    const user = userEvent.setup();
    const { router } = renderWithRouter(<Page dirty />);
    await user.click(screen.getByRole("link", { name: "My courses" }));

    const dialog = screen.getByRole("dialog", { name: "Leave without saving?" });
    expect(dialog.textContent).toContain("you lose your changes to the quiz");
    await user.click(within(dialog).getByRole("button", { name: "Stay on this page" }));
    expect(router.push).not.toHaveBeenCalled();

    await user.click(screen.getByRole("link", { name: "My courses" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Leave without saving" }));
    expect(router.push).toHaveBeenCalledWith("/studio");
  });

  it("asks the browser's question when the tab closes with unsaved changes, and only then", () => {
    const dirty = renderWithRouter(<Page dirty />);
    expect(beforeUnload()).toBe(true);
    dirty.unmount();
    renderWithRouter(<Page dirty={false} />);
    expect(beforeUnload()).toBe(false);
  });
});
