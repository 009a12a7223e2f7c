// @vitest-environment happy-dom
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithRouter } from "@/test/router";
import { RefreshUntilBuilt } from "./refresh-until-built";

describe("RefreshUntilBuilt", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it("asks for the page again with growing pauses, then gives up", () => {
    const { router } = renderWithRouter(<RefreshUntilBuilt />);
    expect(router.refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(750);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_499);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(router.refresh).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(3_000 + 6_000 + 12_000 + 24_000);
    expect(router.refresh).toHaveBeenCalledTimes(6);
    vi.advanceTimersByTime(60_000);
    expect(router.refresh).toHaveBeenCalledTimes(6);
  });

  it("stops once the real page has replaced the placeholder", () => {
    const { router, unmount } = renderWithRouter(<RefreshUntilBuilt />);
    vi.advanceTimersByTime(750);
    unmount();
    vi.advanceTimersByTime(60_000);
    expect(router.refresh).toHaveBeenCalledTimes(1);
  });
});
