import type { CourseUpdate } from "@lumen/contracts";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/errors.js";
import { failure } from "../../lib/errors.testing.js";
import { FAKE_TX, recordingTransaction } from "../../lib/sql.testing.js";
import type { AccessRepo } from "../access/access.repo.js";
import { createAccessService } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { CourseRepo, CourseRow } from "./course.repo.js";
import { createCourseService } from "./course.service.js";

const ADA = { userId: "ada", role: "creator" } as AuthContext;
const ROOT = { userId: "root", role: "admin" } as AuthContext;
const RIVAL = { userId: "rival", role: "creator" } as AuthContext;
const LEA = { userId: "lea", role: "student" } as AuthContext;

type Status = CourseRow["status"];
type Outline = Awaited<ReturnType<CourseRepo["outline"]>>;

const WHEN = new Date("2026-11-01T00:00:00Z");
const courseRow = (status: Status): CourseRow => ({
  id: "course-1",
  creatorId: "ada",
  slug: "comets-3f2a1b",
  title: "Comets",
  subtitle: "",
  description: "Ice, dust and tails.",
  category: "Science",
  level: "beginner",
  isFree: true,
  price: 0,
  status,
  tags: [],
  outcomes: [],
  thumbnailUrl: null,
  searchVector: null,
  enrollmentCount: 0,
  ratingAvg: 0,
  ratingCount: 0,
  lessonCount: 0,
  totalDurationSeconds: 0,
  certificatesEnabled: true,
  createdAt: WHEN,
  updatedAt: WHEN,
  publishedAt: status === "draft" ? null : WHEN,
});

/** One module holding `lessons` lessons. */
const outlineWith = (lessons: number): Outline => [
  {
    id: "module-1",
    courseId: "course-1",
    title: "Basics",
    position: 0,
    createdAt: WHEN,
    updatedAt: WHEN,
    lessons: Array.from({ length: lessons }, (_, i) => ({
      id: `lesson-${i + 1}`,
      moduleId: "module-1",
      title: `Lesson ${i + 1}`,
      kind: "text" as const,
      durationSeconds: 60,
      isPreview: false,
      position: i,
      hasQuiz: false,
    })),
  },
];

type CourseStore = Pick<
  CourseRepo,
  | "transaction"
  | "insert"
  | "update"
  | "refreshDerived"
  | "outline"
  | "lock"
  | "countEnrollments"
  | "findWithCreator"
  | "delete"
>;

/**
 * The service over an in-memory course and the real access rules (who may see and change a course), so the
 * owner-or-admin rule under test is the one the API applies. `steps` records writes, transactions and cache
 * invalidation in order.
 */
function setup(opts: { status?: Status; lessons?: number; enrolled?: number } = {}) {
  const steps: string[] = [];
  const row = courseRow(opts.status ?? "draft");
  const courses: CourseStore = {
    transaction: recordingTransaction(steps),
    insert: vi.fn(async (values) => {
      steps.push("insert");
      return Object.assign(row, values);
    }),
    update: vi.fn(async (_id, values) => {
      steps.push("update");
      Object.assign(row, values);
      return row;
    }),
    refreshDerived: vi.fn(async () => void steps.push("refresh")),
    outline: vi.fn(async () => outlineWith(opts.lessons ?? 1)),
    lock: vi.fn(async () => void steps.push("lock")),
    countEnrollments: vi.fn(async (_id, tx) => {
      if (tx === FAKE_TX) steps.push("count in tx");
      return opts.enrolled ?? 0;
    }),
    findWithCreator: vi.fn(async () => ({ course: row, creatorName: "Ada Creator" })),
    delete: vi.fn(async () => void steps.push("delete")),
  };
  const accessRepo: Pick<AccessRepo, "findCourse" | "isEnrolled" | "isEntitled"> = {
    findCourse: async () => ({ id: row.id, status: row.status, creatorId: row.creatorId, isFree: row.isFree }),
    isEnrolled: async () => false,
    isEntitled: async () => false,
  };
  const cache = { catalog: vi.fn(), course: vi.fn(), courseChanged: vi.fn(async () => void steps.push("cache")) };
  const indexer = { indexCourseDescription: vi.fn(async () => void steps.push("index")) };
  const service = createCourseService({
    // The service takes whole repositories; it only ever calls what these fakes provide.
    courses: courses as CourseRepo,
    enrollments: { findForUser: async () => undefined },
    access: createAccessService(accessRepo as AccessRepo),
    indexer,
    media: { attachable: async (_auth, url) => url },
    cache,
  });
  return { service, courses, steps, row, cache, indexer };
}

describe("publishing a course", () => {
  it("needs at least one lesson: 409 CONFLICT on the status field, and nothing is written", async () => {
    for (const status of ["draft", "archived"] as const) {
      const { service, steps } = setup({ status, lessons: 0 });
      const err = await failure(service.update(ADA, "course-1", { status: "published" }));
      expect(err, status).toMatchObject({
        status: 409,
        code: "CONFLICT",
        message: "Add at least one lesson before publishing",
        details: { fields: { status: ["A course needs at least one lesson to be published"] } },
      });
      expect(steps, status).toEqual([]);
    }
  });

  it("with a lesson, stamps published_at and writes it in the repository's transaction, then clears the cache", async () => {
    const { service, courses, steps } = setup({ status: "draft", lessons: 1 });
    const detail = await service.update(ADA, "course-1", { status: "published" });
    expect(detail.status).toBe("published");
    expect(detail.published_at).not.toBeNull();
    expect(courses.update).toHaveBeenCalledWith(
      "course-1",
      { status: "published", publishedAt: expect.any(Date) },
      FAKE_TX,
    );
    expect(courses.refreshDerived).toHaveBeenCalledWith("course-1", FAKE_TX);
    expect(steps).toEqual(["begin", "update", "refresh", "commit", "cache"]);
  });

  it("asking for the status a course already has is no transition: no lesson check, status left out of the write", async () => {
    const { service, courses } = setup({ status: "published", lessons: 0 });
    await service.update(ADA, "course-1", { status: "published", level: "advanced" });
    // The page returned reads the outline once; a lesson check would have been a second read.
    expect(courses.outline).toHaveBeenCalledTimes(1);
    expect(courses.update).toHaveBeenCalledWith("course-1", { level: "advanced" }, FAKE_TX);
  });
});

describe("status transitions", () => {
  it.each([
    ["draft", "published"],
    ["draft", "archived"],
    ["published", "archived"],
    ["published", "draft"],
    ["archived", "published"],
  ] as const)("a course may go from %s to %s", async (from, to) => {
    const { service, courses } = setup({ status: from });
    expect((await service.update(ADA, "course-1", { status: to })).status).toBe(to);
    expect(courses.update).toHaveBeenCalledWith("course-1", expect.objectContaining({ status: to }), FAKE_TX);
  });

  it("an archived course can't go back to draft: 409 CONFLICT, nothing written", async () => {
    const { service, steps } = setup({ status: "archived" });
    const err = await failure(service.update(ADA, "course-1", { status: "draft" }));
    expect(err).toMatchObject({
      status: 409,
      code: "CONFLICT",
      details: { fields: { status: ["Not allowed from archived"] } },
    });
    expect(steps).toEqual([]);
  });

  it("a published course with enrolled learners goes back to draft only by an admin's hand", async () => {
    const owner = setup({ status: "published", enrolled: 3 });
    const err = await failure(owner.service.update(ADA, "course-1", { status: "draft" }));
    expect(err).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(owner.steps).toEqual([]);

    const admin = setup({ status: "published", enrolled: 3 });
    expect((await admin.service.update(ROOT, "course-1", { status: "draft" })).status).toBe("draft");
    expect(admin.courses.update).toHaveBeenCalledWith("course-1", { status: "draft" }, FAKE_TX);
  });

  it("archiving with enrolled learners is allowed", async () => {
    const { service } = setup({ status: "published", enrolled: 3 });
    expect((await service.update(ADA, "course-1", { status: "archived" })).status).toBe("archived");
  });
});

describe("who may edit a course", () => {
  it("the owner and admins may; another creator or a learner gets 403 FORBIDDEN and nothing is written", async () => {
    const edit: CourseUpdate = { title: "Comets, revised" };
    for (const [who, expected] of [
      [ADA, 200],
      [ROOT, 200],
      [RIVAL, 403],
      [LEA, 403],
    ] as const) {
      const { service, steps } = setup({ status: "published" });
      const outcome = await service.update(who, "course-1", edit).then(
        () => 200,
        (err: unknown) => (err instanceof AppError ? err.status : err),
      );
      expect(outcome, who.userId).toBe(expected);
      expect(steps.includes("update"), who.userId).toBe(expected === 200);
    }
  });

  it("someone else's draft does not exist for them: 404, not 403", async () => {
    const { service, steps } = setup({ status: "draft" });
    expect(await failure(service.update(RIVAL, "course-1", { title: "Mine now" }))).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
    expect(steps).toEqual([]);
  });

  it("only the owner or an admin may remove a course", async () => {
    const { service, courses } = setup({ status: "published" });
    expect(await failure(service.remove(RIVAL, "course-1"))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(courses.delete).not.toHaveBeenCalled();
    expect(courses.update).not.toHaveBeenCalled();
  });
});

describe("writing a course", () => {
  it("creates a draft and its derived stats in one transaction, then indexes its text", async () => {
    const { service, courses, steps } = setup();
    const created = await service.create(ADA, {
      title: "Comets",
      subtitle: "",
      description: "Ice, dust and tails.",
      category: "Science",
      level: "beginner",
      pricing: { is_free: true, price: 0 },
      tags: ["space", "space"],
      outcomes: [],
      certificates_enabled: true,
    });
    expect(created.status).toBe("draft");
    expect(courses.insert).toHaveBeenCalledWith(
      expect.objectContaining({ creatorId: "ada", status: "draft", tags: ["space"] }),
      FAKE_TX,
    );
    expect(courses.refreshDerived).toHaveBeenCalledWith("course-1", FAKE_TX);
    expect(steps).toEqual(["begin", "insert", "refresh", "commit", "index"]);
  });

  it("writes the fields and the derived stats in one transaction, then clears the cache, then re-indexes the text", async () => {
    const { service, courses, steps } = setup({ status: "published" });
    await service.update(ADA, "course-1", { title: "Comets, revised", tags: ["space", "space", "ice"] });
    expect(courses.update).toHaveBeenCalledWith(
      "course-1",
      { title: "Comets, revised", tags: ["space", "ice"] },
      FAKE_TX,
    );
    expect(steps).toEqual(["begin", "update", "refresh", "commit", "cache", "index"]);
  });

  it("an edit that leaves title, subtitle and description alone is not re-indexed", async () => {
    const { service, courses, indexer, steps } = setup({ status: "published" });
    await service.update(ADA, "course-1", { pricing: { is_free: true, price: 25 } });
    expect(courses.update).toHaveBeenCalledWith("course-1", { isFree: true, price: 0 }, FAKE_TX);
    expect(indexer.indexCourseDescription).not.toHaveBeenCalled();
    expect(steps).toEqual(["begin", "update", "refresh", "commit", "cache"]);
  });

  it("removing deletes a course nobody enrolled in, and archives one with learners", async () => {
    const lonely = setup({ status: "published" });
    expect(await lonely.service.remove(ADA, "course-1")).toEqual({ deleted: true, archived: false });
    expect(lonely.courses.delete).toHaveBeenCalledWith("course-1", FAKE_TX);

    const popular = setup({ status: "published", enrolled: 2 });
    expect(await popular.service.remove(ADA, "course-1")).toEqual({ deleted: false, archived: true });
    expect(popular.courses.update).toHaveBeenCalledWith("course-1", { status: "archived" }, FAKE_TX);
    expect(popular.courses.delete).not.toHaveBeenCalled();
  });

  it("counts the learners under the course's lock, in the transaction that deletes or archives", async () => {
    const lonely = setup({ status: "published" });
    await lonely.service.remove(ADA, "course-1");
    expect(lonely.steps).toEqual(["begin", "lock", "count in tx", "delete", "commit", "cache"]);

    const popular = setup({ status: "published", enrolled: 1 });
    await popular.service.remove(ADA, "course-1");
    expect(popular.steps).toEqual(["begin", "lock", "count in tx", "update", "commit", "cache"]);
  });
});
