import type { Note, NoteList } from "@lumen/contracts";
import { MAX_NOTE_LENGTH } from "@lumen/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, fieldsOf, type Session } from "./helpers.js";

let ctx: TestApp;
let creator: Session;
let sam: Session;
let ana: Session;
let courseId: string;
let video: string;
let reading: string;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await ctx.people.creator();
  sam = await ctx.people.learner("sam@example.com");
  ana = await ctx.people.learner("ana@example.com");
  const built = await ctx.make.courseWithLessons(creator.user.id, {
    title: "Rivers & lakes",
    lessons: [
      { title: "How rivers bend", kind: "video", videoUrl: "/media/demo/river.mp4", durationSeconds: 300 },
      { title: "Lakes, a reading", kind: "text", contentMd: "First.\n\nSecond." },
    ],
  });
  courseId = built.courseId;
  [video = "", reading = ""] = built.lessonIds;
  await ctx.make.enrollment(sam.user.id, courseId);
  await ctx.make.enrollment(ana.user.id, courseId);
});

const url = (course = courseId) => `/api/v1/courses/${course}/notes`;
const add = (payload: object, who: Session = sam, course = courseId) =>
  call<Note>(ctx.app, { method: "POST", url: url(course), token: who.access_token, payload });
const list = (query = "", who: Session = sam) =>
  call<NoteList>(ctx.app, { method: "GET", url: `${url()}${query}`, token: who.access_token });

describe("notes and bookmarks", () => {
  it("pins a note to a second of a video and a bookmark to a paragraph, listed in course order", async () => {
    const later = await add({ lesson_id: reading, kind: "bookmark", paragraph: 1 });
    expect(later.status).toBe(201);
    const note = await add({ lesson_id: video, body: "  Meanders grow on the outside bend  ", position_seconds: 83.4 });
    expect(note.status).toBe(201);
    expect(note.body.data).toMatchObject({
      lesson_id: video,
      lesson_title: "How rivers bend",
      kind: "note",
      body: "Meanders grow on the outside bend",
      position_seconds: 83.4,
      paragraph: null,
    });
    const early = await add({ lesson_id: video, body: "Intro", position_seconds: 5 });

    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.data.items.map((n) => n.id)).toEqual([early.body.data.id, note.body.data.id, later.body.data.id]);
    expect(body.data.items[2]).toMatchObject({ kind: "bookmark", body: "", paragraph: 1, position_seconds: null });
  });

  it("searches the text case-insensitively, wildcards taken literally, and filters by lesson", async () => {
    await add({ lesson_id: video, body: "Oxbow lakes form when a meander is cut off", position_seconds: 10 });
    await add({ lesson_id: video, body: "100% of the silt settles", position_seconds: 20 });
    await add({ lesson_id: reading, body: "Lakes are young", paragraph: 0 });

    const lakes = await list("?q=LAKES");
    expect(lakes.body.data.items.map((n) => n.body)).toEqual([
      "Oxbow lakes form when a meander is cut off",
      "Lakes are young",
    ]);
    const percent = await list("?q=%25");
    expect(percent.body.data.items.map((n) => n.body)).toEqual(["100% of the silt settles"]);
    const inReading = await list(`?lesson_id=${reading}`);
    expect(inReading.body.data.items.map((n) => n.body)).toEqual(["Lakes are young"]);
  });

  it("shows, edits and deletes only the caller's own notes", async () => {
    const mine = await add({ lesson_id: video, body: "Mine", position_seconds: 1 });
    const noteUrl = `${url()}/${mine.body.data.id}`;
    expect((await list("", ana)).body.data.items).toEqual([]);

    const theirEdit = await call(ctx.app, {
      method: "PATCH",
      url: noteUrl,
      token: ana.access_token,
      payload: { body: "x" },
    });
    expect([theirEdit.status, theirEdit.body.error?.code]).toEqual([404, "NOT_FOUND"]);
    const theirDelete = await call(ctx.app, { method: "DELETE", url: noteUrl, token: ana.access_token });
    expect(theirDelete.status).toBe(404);
    expect((await list()).body.data.items.map((n) => n.body)).toEqual(["Mine"]);

    const edit = await call<Note>(ctx.app, {
      method: "PATCH",
      url: noteUrl,
      token: sam.access_token,
      payload: { body: "Edited" },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.data).toMatchObject({ body: "Edited", position_seconds: 1 });
    const emptied = await call(ctx.app, {
      method: "PATCH",
      url: noteUrl,
      token: sam.access_token,
      payload: { body: " " },
    });
    expect([emptied.status, Object.keys(fieldsOf(emptied.body))]).toEqual([400, ["body"]]);

    const gone = await call(ctx.app, { method: "DELETE", url: noteUrl, token: sam.access_token });
    expect(gone.status).toBe(200);
    expect((await list()).body.data.items).toEqual([]);
    expect((await call(ctx.app, { method: "DELETE", url: noteUrl, token: sam.access_token })).status).toBe(404);
  });

  it("is only for learners with access to the course", async () => {
    const outsider = await ctx.people.learner("out@example.com");
    const guest = await call(ctx.app, { method: "GET", url: url() });
    expect([guest.status, guest.body.error?.code]).toEqual([401, "UNAUTHORIZED"]);
    const notEnrolled = await add({ lesson_id: video, body: "Hi", position_seconds: 1 }, outsider);
    expect([notEnrolled.status, notEnrolled.body.error?.code]).toEqual([403, "FORBIDDEN"]);
    expect((await list("", outsider)).status).toBe(403);

    const draft = await ctx.make.courseWithLessons(creator.user.id, { status: "draft" });
    expect((await add({ lesson_id: draft.lessonIds[0], body: "x", paragraph: 0 }, sam, draft.courseId)).status).toBe(
      404,
    );

    const paid = await ctx.make.courseWithLessons(creator.user.id, { price: 20 });
    await ctx.make.enrollment(sam.user.id, paid.courseId);
    const unpaid = await add({ lesson_id: paid.lessonIds[0], body: "x", paragraph: 0 }, sam, paid.courseId);
    expect([unpaid.status, unpaid.body.error?.code]).toEqual([402, "PAYMENT_REQUIRED"]);

    const cancelled = await ctx.people.learner("gone@example.com");
    await ctx.make.enrollment(cancelled.user.id, courseId, { status: "cancelled" });
    expect((await list("", cancelled)).status).toBe(403);
  });

  it("refuses bad input in the error envelope and stores nothing", async () => {
    const other = await ctx.make.courseWithLessons(creator.user.id);
    const cases: Array<[object, string]> = [
      [{ lesson_id: video, body: "No anchor" }, "position_seconds"],
      [{ lesson_id: video, body: "Two anchors", position_seconds: 1, paragraph: 0 }, "position_seconds"],
      [{ lesson_id: video, body: "", position_seconds: 1 }, "body"],
      [{ lesson_id: video, body: "x".repeat(MAX_NOTE_LENGTH + 1), position_seconds: 1 }, "body"],
      [{ lesson_id: video, body: "Negative", position_seconds: -1 }, "position_seconds"],
      [{ lesson_id: video, body: "Past the end", position_seconds: 400 }, "position_seconds"],
      [{ lesson_id: video, body: "Wrong anchor", paragraph: 2 }, "position_seconds"],
      [{ lesson_id: reading, body: "Wrong anchor", position_seconds: 2 }, "paragraph"],
      [{ lesson_id: other.lessonIds[0], body: "Other course", paragraph: 0 }, "lesson_id"],
      [{ lesson_id: "nope", body: "Bad id", position_seconds: 1 }, "lesson_id"],
      [{ lesson_id: video, kind: "highlight", body: "Bad kind", position_seconds: 1 }, "kind"],
    ];
    for (const [payload, field] of cases) {
      const { status, body } = await add(payload);
      expect([status, body.error?.code, Object.keys(fieldsOf(body))], JSON.stringify(payload)).toEqual([
        400,
        "VALIDATION_ERROR",
        [field],
      ]);
    }
    const longQuery = await list(`?q=${"a".repeat(201)}`);
    expect([longQuery.status, Object.keys(fieldsOf(longQuery.body))]).toEqual([400, ["q"]]);
    expect((await list()).body.data.items).toEqual([]);
  });
});

describe("the account's data export", () => {
  it("includes the learner's notes and no one else's", async () => {
    await add({ lesson_id: video, body: "Mine to keep", position_seconds: 3 });
    await add({ lesson_id: video, body: "Ana's", position_seconds: 4 }, ana);
    const r = await call<{ notes: Array<Record<string, unknown>> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/users/me/export",
      token: sam.access_token,
    });
    expect(r.body.data.notes).toEqual([
      expect.objectContaining({ lesson_id: video, kind: "note", body: "Mine to keep", position_seconds: 3 }),
    ]);
  });
});

describe("the Markdown export", () => {
  it("has the course title, a heading per lesson and a [mm:ss](link) line per note", async () => {
    await add({ lesson_id: reading, body: "Lakes are young\nand shallow", paragraph: 1 });
    await add({ lesson_id: video, body: "Outside bend", position_seconds: 83.9 });
    await add({ lesson_id: video, kind: "bookmark", position_seconds: 5 });
    await add({ lesson_id: video, body: "Not Sam's", position_seconds: 9 }, ana);

    const res = await ctx.app.inject({
      method: "GET",
      url: `${url()}/export.md`,
      headers: { authorization: `Bearer ${sam.access_token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="rivers-lakes-notes.md"');
    const room = `${ctx.config.appUrl}/learn/${courseId}`;
    expect(res.body).toBe(
      [
        "# Rivers & lakes",
        "",
        "## How rivers bend",
        "",
        `- [00:05](${room}/${video}?t=5) Bookmark`,
        `- [01:23](${room}/${video}?t=83) Outside bend`,
        "",
        "## Lakes, a reading",
        "",
        `- [¶ 2](${room}/${reading}?p=1) Lakes are young`,
        "  and shallow",
        "",
      ].join("\n"),
    );
  });

  it("answers refusals as JSON envelopes", async () => {
    const outsider = await ctx.people.learner("out@example.com");
    const res = await call(ctx.app, { method: "GET", url: `${url()}/export.md`, token: outsider.access_token });
    expect([res.status, res.body.error?.code]).toEqual([403, "FORBIDDEN"]);
  });
});
