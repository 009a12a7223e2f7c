import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/errors.js";
import { recordingTransaction } from "../../lib/sql.testing.js";
import type { CourseAccessRow } from "../access/access.repo.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { EnrollmentRow } from "./enrollment.repo.js";
import { createEnrollmentService, type EnrollmentStore } from "./enrollment.service.js";

const LEA = { userId: "lea", role: "student" } as AuthContext;
const published = (over: Partial<CourseAccessRow> = {}): CourseAccessRow => ({
  id: "course-1",
  status: "published",
  creatorId: "ada",
  isFree: true,
  ...over,
});
const row = (over: Partial<EnrollmentRow> = {}): EnrollmentRow => ({
  id: "enr-1",
  userId: "lea",
  courseId: "course-1",
  status: "active",
  progressPercentage: 0,
  completedLessons: 0,
  lastAccessedAt: null,
  completedAt: null,
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-01T00:00:00Z"),
  ...over,
});

function setup(opts: { course?: CourseAccessRow; entitled?: boolean; store?: Partial<EnrollmentStore> } = {}) {
  const steps: string[] = [];
  const enrollments: EnrollmentStore = {
    transaction: recordingTransaction(steps),
    findForUser: vi.fn(async () => undefined),
    insertIfAbsent: vi.fn(async () => {
      steps.push("insert");
      return row();
    }),
    reactivate: vi.fn(async () => null),
    cancel: vi.fn(async () => {
      steps.push("cancel");
      return row({ status: "cancelled" });
    }),
    adjustEnrollmentCount: vi.fn(async (_course: string, delta: number) => void steps.push(`count ${delta}`)),
    grant: vi.fn(async () => {}),
    listForUser: vi.fn(async () => []),
    ...opts.store,
  };
  const analytics = { record: vi.fn(async () => void steps.push("event")) };
  const cache = { courseChanged: vi.fn(async () => void steps.push("cache")) };
  const service = createEnrollmentService({
    enrollments,
    users: { findById: async () => undefined },
    access: {
      visibleCourse: async () => opts.course ?? published(),
      entitledTo: async () => opts.entitled ?? true,
    },
    analytics,
    cache,
  });
  return { service, steps, enrollments, analytics };
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, code: err.code, details: err.details };
    throw err;
  }
  throw new Error("expected the call to fail");
};

describe("enrolling", () => {
  it("creates the enrollment, its count and its event in one transaction, then invalidates the course", async () => {
    const { service, steps } = setup();
    const { enrollment, created } = await service.enroll(LEA, "course-1");
    expect(created).toBe(true);
    expect(enrollment).toMatchObject({ course_id: "course-1", status: "active" });
    expect(steps).toEqual(["begin", "insert", "count 1", "event", "commit", "cache"]);
  });

  it("is idempotent: an active, entitled enrollment is returned without writing", async () => {
    const { service, steps } = setup({ store: { findForUser: async () => row() } });
    expect((await service.enroll(LEA, "course-1")).created).toBe(false);
    expect(steps).toEqual([]);
  });

  it("answers 402 with the course for a paid course without entitlement, writing nothing", async () => {
    const { service, steps } = setup({ course: published({ isFree: false }), entitled: false });
    expect(await failure(service.enroll(LEA, "course-1"))).toEqual({
      status: 402,
      code: "PAYMENT_REQUIRED",
      details: { course_id: "course-1" },
    });
    expect(steps).toEqual([]);
  });

  it("refuses a new enrollment in a course that is not published (409), but keeps an active one", async () => {
    const archived = setup({ course: published({ status: "archived" }) });
    expect((await failure(archived.service.enroll(LEA, "course-1"))).code).toBe("CONFLICT");
    const kept = setup({ course: published({ status: "archived" }), store: { findForUser: async () => row() } });
    expect((await kept.service.enroll(LEA, "course-1")).created).toBe(false);
  });

  it("a cancelled enrollment comes back through reactivation", async () => {
    const { service, steps } = setup({
      store: {
        findForUser: async () => row({ status: "cancelled" }),
        insertIfAbsent: async () => null,
        reactivate: async () => row(),
      },
    });
    expect((await service.enroll(LEA, "course-1")).created).toBe(true);
    expect(steps).toEqual(["begin", "count 1", "event", "commit", "cache"]);
  });

  it("when a concurrent request enrolled first, returns its enrollment as not created, counting nothing", async () => {
    const findForUser = vi
      .fn<EnrollmentStore["findForUser"]>()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue(row());
    const { service, steps, analytics } = setup({
      store: { findForUser, insertIfAbsent: async () => null, reactivate: async () => null },
    });
    const result = await service.enroll(LEA, "course-1");
    expect(result).toMatchObject({ created: false, enrollment: { id: "enr-1" } });
    expect(steps).toEqual(["begin", "commit"]);
    expect(analytics.record).not.toHaveBeenCalled();
  });
});

describe("leaving", () => {
  it("cancels and lowers the count in one transaction; leaving again changes nothing", async () => {
    const first = setup();
    expect((await first.service.unenroll(LEA, "course-1")).status).toBe("cancelled");
    expect(first.steps).toEqual(["begin", "cancel", "count -1", "commit", "cache"]);

    const again = setup({
      store: { cancel: async () => null, findForUser: async () => row({ status: "cancelled" }) },
    });
    expect((await again.service.unenroll(LEA, "course-1")).status).toBe("cancelled");
    expect(again.steps).toEqual(["begin", "commit"]);
  });

  it("answers 404 for a course the learner never enrolled in", async () => {
    const { service } = setup({ store: { cancel: async () => null } });
    expect((await failure(service.unenroll(LEA, "course-1"))).code).toBe("NOT_FOUND");
  });
});
