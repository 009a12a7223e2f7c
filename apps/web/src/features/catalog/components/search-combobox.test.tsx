// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "@/lib/api-client";
import type { CourseSuggestion } from "../catalog.api";
import { SearchCombobox } from "./search-combobox";

const SUGGESTIONS: CourseSuggestion[] = [
  { id: "c-1", title: "Python for Absolute Beginners", category: "Programming", level: "beginner" },
  { id: "c-2", title: "Python Data Analysis", category: "Data & AI", level: "intermediate" },
  { id: "c-3", title: "Typed Python", category: "Programming", level: "advanced" },
];

/** The network boundary: an API client whose fetch answers /courses/suggest with the given titles. */
function suggestApi(items: CourseSuggestion[] = SUGGESTIONS) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () =>
    Response.json({ success: true, data: { items }, message: "OK", timestamp: "2026-01-01T00:00:00Z" }),
  );
  const client = createApiClient({ baseUrl: "http://api.test", fetch });
  const queries = () => fetch.mock.calls.map(([url]) => new URL(String(url)).searchParams.get("q"));
  return { client, fetch, queries };
}

function setup(items?: CourseSuggestion[], query = "") {
  const network = suggestApi(items);
  const onSearch = vi.fn();
  const onPick = vi.fn();
  const view = render(
    <SearchCombobox query={query} onSearch={onSearch} onPick={onPick} client={network.client} debounceMs={40} />,
  );
  const input = screen.getByRole("combobox", { name: "Search courses" });
  // Keys with no pause between them (delay: null): on a busy machine a pause between two keys of a burst can
  // outlast the 40 ms debounce, asking for "py" before "pyth" and changing the list under the test.
  return { ...network, onSearch, onPick, input, user: userEvent.setup({ delay: null }), view };
}

// Tests that check nothing was asked take the debounce's clock in hand, so the pause they wait out has certainly
// passed (on a busy machine a real-time wait might end before the timer fires, and prove nothing).
const takeTheClock = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"], shouldAdvanceTime: true });
const passTheDebounce = () => vi.advanceTimersByTimeAsync(1_000);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("SearchCombobox", () => {
  it("suggests course titles once typing pauses, with one request for the whole burst", async () => {
    const { user, input, fetch, queries } = setup();
    expect(input.getAttribute("aria-expanded")).toBe("false");

    await user.type(input, "pyth");
    const options = await screen.findAllByRole("option");

    expect(options.map((option) => option.textContent)).toEqual([
      "Python for Absolute BeginnersProgramming · Beginner",
      "Python Data AnalysisData & AI · Intermediate",
      "Typed PythonProgramming · Advanced",
    ]);
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(input.getAttribute("aria-controls")).toBe(screen.getByRole("listbox").id);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(queries()).toEqual(["pyth"]);
    expect(screen.getByRole("status").textContent).toContain("3 suggestions");
  });

  it("waits for two letters before asking", async () => {
    takeTheClock();
    const { user, input, fetch, queries } = setup();
    await user.type(input, "p");
    await passTheDebounce();
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.queryByRole("option")).toBeNull();
    // The second letter asks, once the pause has passed.
    await user.type(input, "y");
    await passTheDebounce();
    expect(queries()).toEqual(["py"]);
  });

  it("moves through the suggestions with the arrow keys, wrapping at both ends", async () => {
    const { user, input } = setup();
    await user.type(input, "pyth");
    const options = await screen.findAllByRole("option");
    const active = () => input.getAttribute("aria-activedescendant");

    expect(active()).toBeNull();
    await user.keyboard("{ArrowDown}");
    expect(active()).toBe(options[0]?.id);
    expect(options[0]?.getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(active()).toBe(options[2]?.id);
    await user.keyboard("{ArrowDown}");
    expect(active()).toBe(options[0]?.id);
    await user.keyboard("{ArrowUp}");
    expect(active()).toBe(options[2]?.id);
    expect(options[0]?.getAttribute("aria-selected")).toBe("false");
    // Focus never leaves the field.
    expect(document.activeElement).toBe(input);
  });

  it("opens the highlighted course on Enter", async () => {
    const { user, input, onPick, onSearch } = setup();
    await user.type(input, "pyth");
    await screen.findAllByRole("option");
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(onPick).toHaveBeenCalledWith(SUGGESTIONS[1]);
    expect(onSearch).not.toHaveBeenCalled();
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("runs the full search on Enter when no suggestion is highlighted", async () => {
    const { user, input, onPick, onSearch } = setup();
    await user.type(input, "  pyth ");
    await screen.findAllByRole("option");
    await user.keyboard("{Enter}");
    expect(onSearch).toHaveBeenCalledWith("pyth");
    expect(onPick).not.toHaveBeenCalled();
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes the list on Escape, and clears the field on a second Escape", async () => {
    const { user, input } = setup();
    await user.type(input, "pyth");
    await screen.findAllByRole("option");
    await user.keyboard("{ArrowDown}{Escape}");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.getAttribute("aria-activedescendant")).toBeNull();
    expect(input).toHaveProperty("value", "pyth");
    await user.keyboard("{Escape}");
    expect(input).toHaveProperty("value", "");
  });

  it("picks a suggestion with the pointer", async () => {
    const { user, input, onPick } = setup();
    await user.type(input, "pyth");
    const options = await screen.findAllByRole("option");
    await user.click(options[2] as HTMLElement);
    expect(onPick).toHaveBeenCalledWith(SUGGESTIONS[2]);
  });

  it("stays closed when nothing matches, and the Search button still searches", async () => {
    const { user, input, fetch, onSearch } = setup([]);
    await user.type(input, "zzz");
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(input.getAttribute("aria-expanded")).toBe("false");
    await user.click(screen.getByRole("button", { name: "Search" }));
    expect(onSearch).toHaveBeenCalledWith("zzz");
  });

  it("shows the page's search when it changes under it (back and forward)", async () => {
    takeTheClock();
    const { view, input, fetch, onSearch, onPick, client } = setup(undefined, "sql");
    expect(input).toHaveProperty("value", "sql");
    view.rerender(
      <SearchCombobox query="python" onSearch={onSearch} onPick={onPick} client={client} debounceMs={40} />,
    );
    expect(input).toHaveProperty("value", "python");
    await passTheDebounce();
    expect(fetch).not.toHaveBeenCalled();
  });
});
