// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useResource } from "./use-resource";

afterEach(cleanup);

/** A load per call that the test settles by hand. */
function loads() {
  const pending: Array<{ key: string; signal: AbortSignal; settle: (value: string | Error) => void }> = [];
  const load = (key: string) => (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      pending.push({ key, signal, settle: (value) => (value instanceof Error ? reject(value) : resolve(value)) });
    });
  return { pending, load };
}

describe("useResource", () => {
  it("loads, and loads again on retry after a failure", async () => {
    const { pending, load } = loads();
    const { result } = renderHook(() => useResource("course-1", load("course-1")));
    expect(result.current.status).toBe("loading");

    await act(async () => pending[0]?.settle(new Error("offline")));
    expect(result.current).toMatchObject({ status: "error", error: new Error("offline") });

    act(() => result.current.retry());
    expect(result.current.status).toBe("loading");
    expect(pending).toHaveLength(2);
    await act(async () => pending[1]?.settle("Photosynthesis"));
    expect(result.current).toMatchObject({ status: "ready", data: "Photosynthesis" });
  });

  it("starts over for a new key and drops the answer for the old one", async () => {
    const { pending, load } = loads();
    const { result, rerender } = renderHook(({ key }) => useResource(key, load(key)), {
      initialProps: { key: "course-1" },
    });
    rerender({ key: "course-2" });
    expect(pending.map((p) => p.key)).toEqual(["course-1", "course-2"]);
    expect(pending[0]?.signal.aborted).toBe(true);

    await act(async () => pending[1]?.settle("Algebra"));
    await act(async () => pending[0]?.settle("Photosynthesis"));
    await waitFor(() => expect(result.current).toMatchObject({ status: "ready", data: "Algebra" }));
  });
});
