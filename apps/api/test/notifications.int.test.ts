import type { Notification, NotificationPage, NotificationPreferences } from "@lumen/contracts";
import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, fieldsOf, outbox, type Session } from "./helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "./learning-fixtures.js";
import { checkout } from "./payment-fixtures.js";

let ctx: TestApp;
let creator: Session;
let course: BuiltCourse;
beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await ctx.people.creator("creator@example.com", { verified: true });
  course = await buildCourse(ctx, creator, { title: "Cell Biology" });
});

const feed = (who: Session, query = "") =>
  call<NotificationPage>(ctx.app, { method: "GET", url: `/api/v1/notifications${query}`, token: who.access_token });
const prefs = (who: Session, payload?: object) =>
  call<NotificationPreferences>(ctx.app, {
    method: payload ? "PUT" : "GET",
    url: "/api/v1/users/me/notification-preferences",
    token: who.access_token,
    ...(payload ? { payload } : {}),
  });
const addLesson = (title: string) =>
  call<{ id: string }>(ctx.app, {
    method: "POST",
    url: `/api/v1/modules/${course.moduleId}/lessons`,
    token: creator.access_token,
    payload: { title, kind: "text", content_md: "Energy for the cell." },
  });
// Registration's verification mail aside.
const mailsTo = async (address: string) =>
  (await outbox(ctx)).filter((m) => m.to === address && !m.subject.startsWith("Confirm your email"));
const count = async (table: "notifications" | "mail_outbox") =>
  Number(
    (await execRows<{ n: number }>(ctx.database.db, sql.raw(`select count(*)::int as n from ${table}`))).rows[0]?.n,
  );

async function enrolledLearner(email: string): Promise<Session> {
  const who = await ctx.people.learner(email, { verified: true, fullName: email.split("@")[0] });
  expect((await enroll(ctx, who, course.courseId)).status).toBe(201);
  return who;
}

describe("a new lesson in a published course", () => {
  it("reaches each enrolled learner per preference, never the creator or outsiders, once", async () => {
    const plain = await enrolledLearner("plain@example.com");
    const mailer = await enrolledLearner("mailer@example.com");
    const quiet = await enrolledLearner("quiet@example.com");
    const outsider = await ctx.people.learner("outsider@example.com", { verified: true });
    expect(
      (await prefs(mailer, { kinds: [{ kind: "lesson.published", email: true }] })).body.data.kinds.find(
        (k) => k.kind === "lesson.published",
      ),
    ).toMatchObject({ in_app: true, email: true });
    await prefs(quiet, { kinds: [{ kind: "lesson.published", in_app: false }] });

    const lesson = await addLesson("Mitochondria");
    expect(lesson.status).toBe(201);

    const first = (await feed(plain)).body.data;
    expect(first.unread_count).toBe(1);
    expect(first.items).toEqual([
      expect.objectContaining({
        kind: "lesson.published",
        title: "New lesson in Cell Biology",
        link: `/learn/${course.courseId}/${lesson.body.data.id}`,
        read: false,
      }),
    ]);
    expect((await feed(mailer)).body.data.unread_count).toBe(1);
    expect((await feed(quiet)).body.data.items).toEqual([]);
    expect((await feed(outsider)).body.data.items).toEqual([]);
    expect((await feed(creator)).body.data.items).toEqual([]);
    // Email only where chosen (new lessons are in-app only by default).
    expect(await mailsTo("plain@example.com")).toEqual([]);
    const [mail] = await mailsTo("mailer@example.com");
    expect(mail?.subject).toBe("New lesson in Cell Biology");
    expect(mail?.raw).toContain(`/learn/${course.courseId}/${lesson.body.data.id}`);
    expect(mail?.raw).toMatch(/notifications\/unsubscribe\?token=/);

    // A rerun of the fan-out (a retry after a crash) writes and mails nothing new.
    const before = { rows: await count("notifications"), mails: await count("mail_outbox") };
    await ctx.app.jobs.enqueue("notification.lesson_published", { lessonId: lesson.body.data.id }, { jobId: "rerun" });
    await ctx.app.jobs.idle();
    expect({ rows: await count("notifications"), mails: await count("mail_outbox") }).toEqual(before);
  });

  it("tells nobody about a lesson added to a draft course", async () => {
    const draft = await buildCourse(ctx, creator, { title: "Draft", publish: false });
    await ctx.make.enrollment((await enrolledLearner("early@example.com")).user.id, draft.courseId);
    const lesson = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${draft.moduleId}/lessons`,
      token: creator.access_token,
      payload: { title: "Not yet", kind: "text", content_md: "Soon." },
    });
    expect(lesson.status).toBe(201);
    expect(await count("notifications")).toBe(0);
  });
});

describe("the unsubscribe link", () => {
  it("turns that kind's email off in one request without a login, and refuses altered tokens", async () => {
    const learner = await enrolledLearner("leaver@example.com");
    await prefs(learner, { kinds: [{ kind: "lesson.published", email: true }] });
    await addLesson("Ribosomes");
    const [mail] = await mailsTo("leaver@example.com");
    const token = mail?.token as string;
    expect(token).toBeTruthy();

    const forged = `${token.slice(0, -2)}xx`;
    const bad = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/notifications/unsubscribe",
      payload: { token: forged },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).token).toBeDefined();
    expect((await prefs(learner)).body.data.kinds.find((k) => k.kind === "lesson.published")?.email).toBe(true);

    const done = await call(ctx.app, { method: "POST", url: "/api/v1/notifications/unsubscribe", payload: { token } });
    expect(done.status).toBe(200);
    expect(done.body.data).toEqual({ kind: "lesson.published", label: "New lessons in your courses" });
    const after = (await prefs(learner)).body.data.kinds.find((k) => k.kind === "lesson.published");
    expect(after).toMatchObject({ email: false, in_app: true });

    await addLesson("Golgi");
    expect(await mailsTo("leaver@example.com")).toHaveLength(1);
    expect((await feed(learner)).body.data.unread_count).toBe(2);
  });
});

describe("reading notifications", () => {
  it("pages newest first, marks one or all read, and keeps each user to their own", async () => {
    const learner = await enrolledLearner("reader@example.com");
    const other = await enrolledLearner("other@example.com");
    for (const t of ["One", "Two", "Three"]) await addLesson(t);

    const page1 = (await feed(learner, "?limit=2")).body.data;
    expect(page1.unread_count).toBe(3);
    expect(page1.items.map((n) => n.body)).toEqual(["“Three” is ready to watch.", "“Two” is ready to watch."]);
    const page2 = (await feed(learner, `?limit=2&cursor=${page1.next_cursor}`)).body.data;
    expect(page2.items.map((n) => n.body)).toEqual(["“One” is ready to watch."]);
    expect(page2.next_cursor).toBeNull();

    const id = page1.items[0]?.id as string;
    const stranger = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/notifications/${id}/read`,
      token: other.access_token,
    });
    expect(stranger.status).toBe(404);
    const read = await call<Notification>(ctx.app, {
      method: "POST",
      url: `/api/v1/notifications/${id}/read`,
      token: learner.access_token,
    });
    expect(read.body.data).toMatchObject({ id, read: true });
    expect((await feed(learner)).body.data.unread_count).toBe(2);
    expect((await feed(other)).body.data.unread_count).toBe(3);

    const all = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/notifications/read-all",
      token: learner.access_token,
    });
    expect(all.body.data).toEqual({ updated: 2, unread_count: 0 });
    expect((await feed(other)).body.data.unread_count).toBe(3);
  });

  it("answers 401 without a session and 400 for a bad id or cursor", async () => {
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/notifications" })).status).toBe(401);
    expect((await call(ctx.app, { method: "POST", url: "/api/v1/notifications/read-all" })).status).toBe(401);
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/users/me/notification-preferences" })).status).toBe(401);
    const learner = await ctx.people.learner("x@example.com");
    const badId = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/notifications/nope/read",
      token: learner.access_token,
    });
    expect(badId.status).toBe(400);
    expect((await feed(learner, "?cursor=garbage")).status).toBe(400);
  });
});

describe("preferences", () => {
  it("start from the documented defaults and change only what is named", async () => {
    const learner = await ctx.people.learner("prefs@example.com");
    const start = (await prefs(learner)).body.data;
    expect(start.weekly_progress_email).toBe(false);
    expect(Object.fromEntries(start.kinds.map((k) => [k.kind, [k.in_app, k.email]]))).toEqual({
      "lesson.published": [true, false],
      "certificate.earned": [true, true],
      "review.reply": [true, false],
      "course.unpublished": [true, true],
      "payment.succeeded": [true, false],
      "payment.failed": [true, false],
      "payment.refunded": [true, true],
    });
    const changed = (
      await prefs(learner, { kinds: [{ kind: "certificate.earned", email: false }], weekly_progress_email: true })
    ).body.data;
    expect(changed.weekly_progress_email).toBe(true);
    expect(changed.kinds.find((k) => k.kind === "certificate.earned")).toMatchObject({ in_app: true, email: false });
    expect(changed.kinds.find((k) => k.kind === "payment.refunded")).toMatchObject({ in_app: true, email: true });
  });

  it("refuses unknown kinds and email for kinds whose email is a receipt", async () => {
    const learner = await ctx.people.learner("picky@example.com");
    const unknown = await prefs(learner, { kinds: [{ kind: "spam.daily", email: true }] });
    expect(unknown.status).toBe(400);
    const receipt = await prefs(learner, { kinds: [{ kind: "payment.succeeded", email: true }] });
    expect(receipt.status).toBe(400);
    expect(receipt.body.error?.code).toBe("VALIDATION_ERROR");
    expect((await prefs(learner)).body.data.kinds.find((k) => k.kind === "payment.succeeded")?.email).toBe(false);
  });
});

describe("events from other modules", () => {
  it("a certificate notifies its learner once, in-app and by email, however often it is raised", async () => {
    const learner = await ctx.people.learner("cert@example.com", { verified: true });
    const data = { course_id: course.courseId, course_title: "Cell Biology", certificate_id: "c-1" };
    await ctx.app.notifications.notify(learner.user.id, "certificate.earned", data, "c-1");
    await ctx.app.notifications.notify(learner.user.id, "certificate.earned", data, "c-1");
    await ctx.app.jobs.idle();
    // A job that runs again (a retry) finds the row and the mail already there.
    await ctx.app.jobs.enqueue(
      "notification.deliver",
      { userId: learner.user.id, kind: "certificate.earned", key: "certificate.earned.c-1", data },
      { jobId: "retry" },
    );
    await ctx.app.jobs.idle();
    const items = (await feed(learner)).body.data.items;
    expect(items).toEqual([expect.objectContaining({ kind: "certificate.earned", title: "You earned a certificate" })]);
    expect((await mailsTo("cert@example.com")).map((m) => m.subject)).toEqual(["You earned a certificate"]);
  });

  it("an unverified address gets the in-app notification but no email", async () => {
    const learner = await ctx.people.learner("unproven@example.com");
    await ctx.app.notifications.notify(
      learner.user.id,
      "certificate.earned",
      { course_id: course.courseId, course_title: "Cell Biology", certificate_id: "c-2" },
      "c-2",
    );
    await ctx.app.jobs.idle();
    expect((await feed(learner)).body.data.unread_count).toBe(1);
    expect((await mailsTo("unproven@example.com")).filter((m) => /certificate/.test(m.subject))).toEqual([]);
  });

  it("moderation that takes a course down tells its creator why", async () => {
    const admin = await ctx.people.admin();
    const res = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/admin/courses/${course.courseId}`,
      token: admin.access_token,
      payload: { status: "archived", reason: "Copied material" },
    });
    expect(res.status).toBe(200);
    const items = (await feed(creator)).body.data.items;
    expect(items).toEqual([
      expect.objectContaining({
        kind: "course.unpublished",
        title: "Cell Biology was unpublished",
        body: "A moderator took the course down: Copied material",
        link: `/studio/courses/${course.courseId}`,
      }),
    ]);
    expect((await mailsTo("creator@example.com")).map((m) => m.subject)).toEqual(["Cell Biology was unpublished"]);
  });

  it("payments notify in-app; a refund also by email, a purchase only by its receipt", async () => {
    const paid = await buildCourse(ctx, creator, { title: "Paid Biology", paid: true });
    const buyer = await ctx.people.learner("buyer@example.com", { verified: true, fullName: "Bea" });
    const admin = await ctx.people.admin();
    const { session_id } = (await checkout(ctx, buyer, { kind: "course", course_id: paid.courseId })).body.data;
    const payRes = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/payments/test-checkout/${session_id}/pay`,
      token: buyer.access_token,
      payload: { card_number: "4242 4242 4242 4242" },
    });
    expect(payRes.status).toBe(200);
    expect((await feed(buyer)).body.data.items).toEqual([
      expect.objectContaining({ kind: "payment.succeeded", body: "$19.00 for Paid Biology." }),
    ]);
    expect((await mailsTo("buyer@example.com")).map((m) => m.subject)).toEqual(["Your receipt: Paid Biology"]);

    const list = await call<{ items: Array<{ id: string }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/payments",
      token: admin.access_token,
    });
    const refund = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/admin/payments/${list.body.data.items[0]?.id}/refund`,
      token: admin.access_token,
    });
    expect(refund.status).toBe(200);
    expect((await feed(buyer)).body.data.items.map((n) => n.kind)).toEqual(["payment.refunded", "payment.succeeded"]);
    expect((await mailsTo("buyer@example.com")).map((m) => m.subject)).toEqual([
      "Your receipt: Paid Biology",
      "Refund issued",
    ]);
  });
});

describe("the weekly progress email", () => {
  it("goes once a week to the learners who opted in, with their courses", async () => {
    const keen = await enrolledLearner("keen@example.com");
    await enrolledLearner("busy@example.com");
    await prefs(keen, { weekly_progress_email: true });
    expect(await ctx.app.notifications.weeklyProgress()).toBe(1);
    expect(await ctx.app.notifications.weeklyProgress()).toBe(0);
    await ctx.app.jobs.idle();
    const mails = await mailsTo("keen@example.com");
    expect(mails.map((m) => m.subject)).toEqual(["Your week on Lumen"]);
    expect(mails[0]?.raw).toContain("Cell Biology: 0% done");
    expect(await mailsTo("busy@example.com")).toEqual([]);

    // Its own unsubscribe link opts out of it.
    const res = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/notifications/unsubscribe",
      payload: { token: mails[0]?.token },
    });
    expect(res.body.data).toEqual({ kind: "weekly.progress", label: "Weekly progress email" });
    expect((await prefs(keen)).body.data.weekly_progress_email).toBe(false);
  });
});
