// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./confirm-dialog";

afterEach(cleanup);

/** A button that asks, as the pages do: the dialog is mounted only while the question is open. */
function Asker({ busy = false, onConfirm }: { busy?: boolean; onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete lesson
      </button>
      {open && (
        <ConfirmDialog
          title="Delete “Light”?"
          confirmLabel="Delete"
          busyLabel="Deleting…"
          tone="danger"
          busy={busy}
          onConfirm={onConfirm}
          onCancel={() => setOpen(false)}
        >
          Its video goes with it.
        </ConfirmDialog>
      )}
    </>
  );
}

describe("ConfirmDialog", () => {
  it("is a dialog named by its question, starts on the safe answer, and gives focus back when cancelled", async () => {
    const onConfirm = vi.fn();
    const user = userEvent.setup();
    render(<Asker onConfirm={onConfirm} />);
    const opener = screen.getByRole("button", { name: "Delete lesson" });
    await user.click(opener);

    const dialog = screen.getByRole("dialog", { name: "Delete “Light”?" });
    expect(dialog.getAttribute("aria-describedby")).toBe(screen.getByText("Its video goes with it.").id);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancel" }));

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("confirms once, and while busy says so and answers nothing", async () => {
    const onConfirm = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<Asker onConfirm={onConfirm} />);
    await user.click(screen.getByRole("button", { name: "Delete lesson" }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(onConfirm).toHaveBeenCalledTimes(1);

    rerender(<Asker busy onConfirm={onConfirm} />);
    const confirm = screen.getByRole("button", { name: "Deleting…" });
    expect(confirm.getAttribute("aria-disabled")).toBe("true");
    expect((screen.getByRole("button", { name: "Cancel" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
