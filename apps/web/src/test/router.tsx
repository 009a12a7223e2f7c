import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactElement } from "react";
import { vi } from "vitest";

/** An App Router whose moves go nowhere and are recorded, for `expect(router.push).toHaveBeenCalledWith(…)`. */
export function fakeRouter() {
  return {
    push: vi.fn(),
    replace: vi.fn(),
    refresh: vi.fn(),
    prefetch: vi.fn(),
    back: vi.fn(),
    forward: vi.fn(),
    bfcacheId: "test",
  } satisfies AppRouterInstance;
}

/** Renders `ui` inside the App Router's context (useRouter, Link), with a user to type and click. */
export function renderWithRouter(ui: ReactElement) {
  const router = fakeRouter();
  const result = render(<AppRouterContext value={router}>{ui}</AppRouterContext>);
  return { ...result, router, user: userEvent.setup() };
}
