import { certificates, courses, progress, users } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, type Session } from "./helpers.js";
import { enroll } from "./learning-fixtures.js";
import { checkout } from "./payment-fixtures.js";

let ctx: TestApp;
let creator: Session;
let learner: Session;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await ctx.people.creator("creator@example.com", { fullName: "Ada Creator" });
  learner = await ctx.people.learner("sam@example.com", { fullName: "Sam Student" });
});

interface ShortCourse {
  courseId: string;
  lessonIds: [string, string];
  questionId: string;
}

/** A published course of two text lessons, the second with a one-question quiz (true is right). */
async function shortCourse(
  opts: { title?: string; paid?: boolean; certificates?: boolean } = {},
): Promise<ShortCourse> {
  const token = creator.access_token;
  const course = await call<{ id: string; certificates_enabled: boolean }>(ctx.app, {
    method: "POST",
    url: "/api/v1/courses",
    token,
    payload: {
      title: opts.title ?? "Tiny Astronomy",
      category: "Science",
      level: "beginner",
      pricing: opts.paid ? { is_free: false, price: 19 } : { is_free: true, price: 0 },
      ...(opts.certificates === undefined ? {} : { certificates_enabled: opts.certificates }),
    },
  });
  expect(course.status).toBe(201);
  const courseId = course.body.data.id;
  const mod = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: `/api/v1/courses/${courseId}/modules`,
    token,
    payload: { title: "Basics" },
  });
  const lesson = async (title: string) =>
    (
      await call<{ id: string }>(ctx.app, {
        method: "POST",
        url: `/api/v1/modules/${mod.body.data.id}/lessons`,
        token,
        payload: { title, kind: "text", content_md: `# ${title}\n\nStars.`, duration_seconds: 60 },
      })
    ).body.data.id;
  const lessonIds: [string, string] = [await lesson("The Sun"), await lesson("The Moon")];
  const quiz = await call<{ questions: Array<{ id: string }> }>(ctx.app, {
    method: "PUT",
    url: `/api/v1/lessons/${lessonIds[1]}/quiz`,
    token,
    payload: {
      pass_mark: 100,
      questions: [{ type: "true_false", question: "The Moon orbits the Earth.", correct: true, explanation: "Yes." }],
    },
  });
  expect(quiz.status).toBe(200);
  const published = await call(ctx.app, {
    method: "PUT",
    url: `/api/v1/courses/${courseId}`,
    token,
    payload: { status: "published" },
  });
  expect(published.status).toBe(200);
  return { courseId, lessonIds, questionId: quiz.body.data.questions[0]?.id ?? "" };
}

const complete = (who: Session, lessonId: string) =>
  call(ctx.app, { method: "POST", url: `/api/v1/lessons/${lessonId}/complete`, token: who.access_token });

const answer = (who: Session, c: ShortCourse, value: boolean) =>
  call<{ passed: boolean }>(ctx.app, {
    method: "POST",
    url: `/api/v1/lessons/${c.lessonIds[1]}/quiz/attempts`,
    token: who.access_token,
    payload: { answers: [{ question_id: c.questionId, answer: value }] },
  });

type Mine = {
  items: Array<{ code: string; course_id: string; status: string; learner_name: string; course_title: string }>;
};
const mine = (who: Session, courseId?: string) =>
  call<Mine>(ctx.app, {
    method: "GET",
    url: `/api/v1/certificates${courseId ? `?course_id=${courseId}` : ""}`,
    token: who.access_token,
  });

const rows = (userId: string) => ctx.database.db.select().from(certificates).where(eq(certificates.userId, userId));

/** Enrolls and completes everything: both lessons and a passing attempt. */
async function finish(who: Session, c: ShortCourse) {
  expect((await enroll(ctx, who, c.courseId)).status).toBe(201);
  expect((await complete(who, c.lessonIds[0])).status).toBe(200);
  expect((await complete(who, c.lessonIds[1])).status).toBe(200);
  expect((await answer(who, c, true)).body.data.passed).toBe(true);
}

describe("issuing certificates", () => {
  it("issues one certificate once every lesson is complete and every quiz passed, and never a second", async () => {
    const c = await shortCourse();
    expect((await enroll(ctx, learner, c.courseId)).status).toBe(201);
    await complete(learner, c.lessonIds[0]);
    await complete(learner, c.lessonIds[1]);
    expect(await rows(learner.user.id)).toHaveLength(0);
    // A failed attempt completes nothing.
    expect((await answer(learner, c, false)).body.data.passed).toBe(false);
    expect(await rows(learner.user.id)).toHaveLength(0);
    expect((await answer(learner, c, true)).body.data.passed).toBe(true);
    const issued = await rows(learner.user.id);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({
      courseId: c.courseId,
      learnerName: "Sam Student",
      courseTitle: "Tiny Astronomy",
      creatorName: "Ada Creator",
      revokedAt: null,
    });
    expect(issued[0]?.code).toMatch(/^[A-Z2-7]{16}$/);

    // Passing again and re-completing lessons change nothing.
    await answer(learner, c, true);
    await complete(learner, c.lessonIds[0]);
    const list = await mine(learner);
    expect(list.status).toBe(200);
    expect(list.body.data.items).toEqual([
      expect.objectContaining({ code: issued[0]?.code, course_id: c.courseId, status: "valid" }),
    ]);
    expect(await rows(learner.user.id)).toHaveLength(1);
  });

  it("keeps the names and title as they were at issue time", async () => {
    const c = await shortCourse();
    await finish(learner, c);
    await ctx.database.db.update(users).set({ fullName: "Samantha Renamed" }).where(eq(users.id, learner.user.id));
    await ctx.database.db.update(courses).set({ title: "Renamed Course" }).where(eq(courses.id, c.courseId));
    const [cert] = (await mine(learner)).body.data.items;
    expect(cert).toMatchObject({ learner_name: "Sam Student", course_title: "Tiny Astronomy" });
  });

  it("issues exactly one certificate when the last steps and the list are requested concurrently", async () => {
    const c = await shortCourse();
    expect((await enroll(ctx, learner, c.courseId)).status).toBe(201);
    await answer(learner, c, true);
    // Both lessons' completions, two more passing attempts and two list reads all race.
    const results = await Promise.all([
      complete(learner, c.lessonIds[0]),
      complete(learner, c.lessonIds[1]),
      answer(learner, c, true),
      answer(learner, c, true),
      mine(learner),
      mine(learner, c.courseId),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 201, 201, 200, 200]);
    await ctx.app.jobs.idle();
    expect(await rows(learner.user.id)).toHaveLength(1);
    expect((await mine(learner)).body.data.items).toHaveLength(1);
  });

  it("issues nothing while certificates are off, and keeps issued ones valid when they are turned off", async () => {
    const off = await shortCourse({ title: "No Certificates", certificates: false });
    await finish(learner, off);
    expect((await mine(learner)).body.data.items).toEqual([]);

    const on = await shortCourse({ title: "With Certificates" });
    await finish(learner, on);
    const [cert] = (await mine(learner)).body.data.items;
    const toggled = await call<{ certificates_enabled: boolean }>(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${on.courseId}`,
      token: creator.access_token,
      payload: { certificates_enabled: false },
    });
    expect(toggled.status).toBe(200);
    expect(toggled.body.data.certificates_enabled).toBe(false);
    const other = await ctx.people.learner("kim@example.com", { fullName: "Kim Other" });
    await finish(other, on);
    expect((await mine(other)).body.data.items).toEqual([]);
    const still = await call<{ status: string }>(ctx.app, { method: "GET", url: `/api/v1/certificates/${cert?.code}` });
    expect(still.body.data.status).toBe("valid");
    // Only the creator (or an admin) changes the setting.
    const refused = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${on.courseId}`,
      token: learner.access_token,
      payload: { certificates_enabled: true },
    });
    expect(refused.status).toBe(403);
  });

  it("backfills a learner who completed before certificates existed when they read their certificates", async () => {
    const c = await shortCourse();
    // The completion as it stood before this feature: progress rows only, no job ever ran.
    await enroll(ctx, learner, c.courseId);
    const db = ctx.database.db;
    for (const lessonId of c.lessonIds) {
      await db.insert(progress).values({
        userId: learner.user.id,
        courseId: c.courseId,
        lessonId,
        isCompleted: true,
        completedAt: new Date(),
        quizProgress:
          lessonId === c.lessonIds[1]
            ? { attempts: 1, best_score: 100, passed: true, last_attempt_at: new Date().toISOString() }
            : null,
      });
    }
    expect(await rows(learner.user.id)).toHaveLength(0);
    const list = await mine(learner, c.courseId);
    expect(list.body.data.items).toEqual([expect.objectContaining({ course_id: c.courseId, status: "valid" })]);
    // A learner with a lesson left gets nothing from the backfill.
    const other = await ctx.people.learner("kim@example.com");
    await enroll(ctx, other, c.courseId);
    await complete(other, c.lessonIds[0]);
    expect((await mine(other)).body.data.items).toEqual([]);
  });

  it("answers the list only to a signed-in caller, and refuses a malformed course filter", async () => {
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/certificates" })).status).toBe(401);
    const bad = await call(ctx.app, {
      method: "GET",
      url: "/api/v1/certificates?course_id=nope",
      token: learner.access_token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe("VALIDATION_ERROR");
  });
});

describe("public verification", () => {
  it("shows names, title, date and status to anyone, and no email or ids", async () => {
    const c = await shortCourse();
    await finish(learner, c);
    const [cert] = (await mine(learner)).body.data.items;
    const code = cert?.code ?? "";
    const res = await call<Record<string, unknown>>(ctx.app, { method: "GET", url: `/api/v1/certificates/${code}` });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      code,
      learner_name: "Sam Student",
      course_title: "Tiny Astronomy",
      creator_name: "Ada Creator",
      issued_at: expect.any(String),
      status: "valid",
      revoked_at: null,
    });
    expect(res.res.body).not.toContain("@example.com");
    expect(res.res.body).not.toContain(learner.user.id);
    expect(res.res.body).not.toContain(c.courseId);
    // Cached publicly, but only briefly: a revocation must show within half a minute.
    expect(res.res.headers["cache-control"]).toBe("public, max-age=30, s-maxage=30");
    expect(res.res.headers.etag).toBeTruthy();
    // A retyped code in lower case finds the same certificate.
    const lower = await call(ctx.app, { method: "GET", url: `/api/v1/certificates/${code.toLowerCase()}` });
    expect(lower.body.data).toEqual(res.body.data);
  });

  it("answers 404 in the envelope for unknown and malformed codes", async () => {
    for (const url of [
      "/api/v1/certificates/AAAAAAAAAAAAAAAA",
      "/api/v1/certificates/not-a-code",
      "/api/v1/certificates/AAAAAAAAAAAAAAA1",
      "/api/v1/certificates/AAAAAAAAAAAAAAAA/pdf",
      "/api/v1/certificates/%2E%2E/pdf",
    ]) {
      const res = await call(ctx.app, { method: "GET", url });
      expect(res.status, url).toBe(404);
      expect(res.body.success, url).toBe(false);
      expect(res.body.error?.code, url).toBe("NOT_FOUND");
    }
  });

  it("downloads a PDF that carries the code and the verification link", async () => {
    const c = await shortCourse();
    await finish(learner, c);
    const code = (await mine(learner)).body.data.items[0]?.code ?? "";
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/certificates/${code}/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="Lumen-certificate-${code}.pdf"`);
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain(code);
    expect(text).toContain(`http://localhost:3000/certificates/${code}`);
    expect(text).toContain("Sam Student");
    expect(text).toContain("Tiny Astronomy");
    expect(text).toContain("Ada Creator");
  });
});

describe("refunds", () => {
  it("a full refund of the course revokes its certificate; the public page says so at once", async () => {
    const c = await shortCourse({ title: "Paid Astronomy", paid: true });
    const admin = await ctx.people.admin();
    const { session_id } = (await checkout(ctx, learner, { kind: "course", course_id: c.courseId })).body.data;
    const paid = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/payments/test-checkout/${session_id}/pay`,
      token: learner.access_token,
      payload: { card_number: "4242424242424242" },
    });
    expect(paid.status).toBe(200);
    await complete(learner, c.lessonIds[0]);
    await complete(learner, c.lessonIds[1]);
    await answer(learner, c, true);
    const code = (await mine(learner)).body.data.items[0]?.code ?? "";
    expect(code).toMatch(/^[A-Z2-7]{16}$/);

    const payments = await call<{ items: Array<{ id: string }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/payments?status=paid",
      token: admin.access_token,
    });
    const refund = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/admin/payments/${payments.body.data.items[0]?.id}/refund`,
      token: admin.access_token,
    });
    expect(refund.status).toBe(200);

    const page = await call<{ status: string; revoked_at: string | null }>(ctx.app, {
      method: "GET",
      url: `/api/v1/certificates/${code}`,
    });
    expect(page.body.data.status).toBe("revoked");
    expect(page.body.data.revoked_at).not.toBeNull();
    const [row] = await ctx.database.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.userId, learner.user.id), eq(certificates.courseId, c.courseId)));
    expect(row?.revokedReason).toBe("refund");
    // Reading the list doesn't quietly issue it again: the course is closed.
    expect((await mine(learner)).body.data.items).toEqual([expect.objectContaining({ code, status: "revoked" })]);
    const pdf = await pdfText(
      (await ctx.app.inject({ method: "GET", url: `/api/v1/certificates/${code}/pdf` })).rawPayload,
    );
    expect(pdf).toContain("REVOKED");
  });
});

/**
 * The text a PDF shows, good enough to search: the document's own strings (metadata), and what its page draws, each
 * run of glyph ids read back through its font's ToUnicode map (the embedded fonts draw glyph ids, not characters).
 */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0).node;
  const text = (stream: unknown) =>
    stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1") : "";
  const unicode = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
  // Resource name ("F1…") → glyph id (4 hex digits) → its characters.
  const cmaps = new Map<string, Map<string, string>>();
  const fonts = page.Resources()?.lookup(PDFName.of("Font"), PDFDict);
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = doc.context.lookup(ref, PDFDict);
    const cmap = new Map<string, string>();
    for (const m of text(doc.context.lookup(font.get(PDFName.of("ToUnicode")))).matchAll(
      /<([0-9A-F]{4})>\s*<([0-9A-F]+)>/gi,
    )) {
      cmap.set((m[1] ?? "").toUpperCase(), unicode(m[2] ?? ""));
    }
    cmaps.set(name.asString(), cmap);
  }
  const contents = page.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const drawn: string[] = [];
  for (const stream of streams) {
    let cmap: Map<string, string> | undefined;
    for (const op of text(stream).matchAll(/(\/\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (op[1]) cmap = cmaps.get(op[1]);
      else
        drawn.push((op[2]?.toUpperCase().match(/.{4}/g) ?? []).map((glyph) => cmap?.get(glyph) ?? "\uFFFD").join(""));
    }
  }
  return [doc.getTitle() ?? "", doc.getSubject() ?? "", ...drawn].join("\n");
}
