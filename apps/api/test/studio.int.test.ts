import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, fieldsOf, type Session } from "./helpers.js";
import { buildCourse, enroll } from "./learning-fixtures.js";

let ctx: TestApp;
let creator: Session;
let other: Session;
let student: Session;
let admin: Session;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await ctx.people.creator();
  other = await ctx.people.creator("other-creator@example.com");
  admin = await ctx.people.admin();
  student = await ctx.people.learner();
});

type StudioCourse = {
  id: string;
  title: string;
  status: string;
  thumbnail_url: string | null;
  lesson_count: number;
  enrollment_count: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
};
type Page = { items: StudioCourse[]; next_cursor: string | null };

const mine = (token: string | undefined, query = "") =>
  call<Page>(ctx.app, { method: "GET", url: `/api/v1/courses/mine${query}`, ...(token ? { token } : {}) });

async function draft(owner: Session, title: string) {
  const res = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: "/api/v1/courses",
    token: owner.access_token,
    payload: { title, category: "Science", level: "beginner", pricing: { is_free: true, price: 0 } },
  });
  if (res.status !== 201) throw new Error(`create: ${res.status}`);
  return res.body.data.id;
}

describe("GET /courses/mine", () => {
  it("needs a signed-in creator or admin", async () => {
    const guest = await mine(undefined);
    expect(guest.status).toBe(401);
    expect(guest.body.error?.code).toBe("UNAUTHORIZED");
    const learner = await mine(student.access_token);
    expect(learner.status).toBe(403);
    expect(learner.body.error?.code).toBe("FORBIDDEN");
    expect((await mine(admin.access_token)).status).toBe(200);
  });

  it("lists only the caller's own courses, drafts and archived ones included", async () => {
    const published = await buildCourse(ctx, creator, { title: "Published one" });
    const draftId = await draft(creator, "Still a draft");
    const archived = await buildCourse(ctx, creator, { title: "Old one" });
    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${archived.courseId}`,
      token: creator.access_token,
      payload: { status: "archived" },
    });
    await buildCourse(ctx, other, { title: "Someone else's" });
    await draft(admin, "The admin's own draft");

    const res = await mine(creator.access_token);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.data.items.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([published.courseId, draftId, archived.courseId].sort());
    expect(byId.get(draftId)).toMatchObject({ status: "draft", lesson_count: 0, published_at: null });
    expect(byId.get(published.courseId)).toMatchObject({ status: "published", lesson_count: 2 });
    expect(byId.get(published.courseId)?.published_at).not.toBeNull();
    expect(byId.get(archived.courseId)?.status).toBe("archived");
    expect(res.body.data.next_cursor).toBeNull();

    // Admins see their own courses here too (every course is in the admin console, not in the studio).
    expect((await mine(admin.access_token)).body.data.items.map((c) => c.title)).toEqual(["The admin's own draft"]);
  });

  it("filters by status", async () => {
    await buildCourse(ctx, creator, { title: "Live" });
    await draft(creator, "Draft A");
    await draft(creator, "Draft B");
    const drafts = await mine(creator.access_token, "?status=draft");
    expect(drafts.body.data.items.map((c) => c.title).sort()).toEqual(["Draft A", "Draft B"]);
    const live = await mine(creator.access_token, "?status=published");
    expect(live.body.data.items.map((c) => c.title)).toEqual(["Live"]);
  });

  it("counts the learners enrolled now", async () => {
    const c = await buildCourse(ctx, creator);
    const second = await ctx.people.learner("second@example.com");
    await enroll(ctx, student, c.courseId);
    await enroll(ctx, second, c.courseId);
    await call(ctx.app, { method: "DELETE", url: `/api/v1/courses/${c.courseId}/enroll`, token: second.access_token });
    const [item] = (await mine(creator.access_token)).body.data.items;
    expect(item?.enrollment_count).toBe(1);
  });

  it("puts the most recently edited course first, counting edits to its lessons", async () => {
    const first = await buildCourse(ctx, creator, { title: "First" });
    const second = await buildCourse(ctx, creator, { title: "Second" });
    const before = (await mine(creator.access_token)).body.data.items;
    expect(before.map((c) => c.id)).toEqual([second.courseId, first.courseId]);

    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${first.textLessonId}`,
      token: creator.access_token,
      payload: { content_md: "# Edited" },
    });
    const after = (await mine(creator.access_token)).body.data.items;
    expect(after.map((c) => c.id)).toEqual([first.courseId, second.courseId]);
    const edited = after[0] as StudioCourse;
    const untouched = before.find((c) => c.id === first.courseId) as StudioCourse;
    expect(Date.parse(edited.updated_at)).toBeGreaterThanOrEqual(Date.parse(untouched.updated_at));
  });

  it("pages with a keyset cursor, every course once", async () => {
    const built = await buildCourse(ctx, creator, { title: "With lessons" });
    const ids: string[] = [built.courseId];
    for (let i = 0; i < 3; i++) ids.push(await draft(creator, `Course ${i}`));
    ids.push((await buildCourse(ctx, creator, { title: "Also with lessons", publish: false })).courseId);
    // The oldest course becomes the latest edited through one of its lessons: the cursor must carry that time.
    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${built.videoLessonId}`,
      token: creator.access_token,
      payload: { title: "The mitochondria, revised" },
    });
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof mine>> = await mine(
        creator.access_token,
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(res.status).toBe(200);
      sizes.push(res.body.data.items.length);
      seen.push(...res.body.data.items.map((c) => c.id));
      cursor = res.body.data.next_cursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(ids));
    const all = (await mine(creator.access_token)).body.data.items.map((c) => c.id);
    expect(seen).toEqual(all);
    expect(seen[0]).toBe(built.courseId);
  });

  it.each([
    ["?cursor=not-a-cursor", "cursor"],
    [`?cursor=${Buffer.from(JSON.stringify({ t: "yesterday", id: "x" })).toString("base64url")}`, "cursor"],
    ["?limit=0", "limit"],
    ["?limit=101", "limit"],
    ["?limit=ten", "limit"],
    ["?status=deleted", "status"],
  ])("rejects %s naming %s", async (query, field) => {
    const res = await mine(creator.access_token, query);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(fieldsOf(res.body))).toContain(field);
  });

  it("is documented in the OpenAPI document", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    const doc = res.json() as { paths: Record<string, { get?: { summary?: string } }> };
    expect(doc.paths["/api/v1/courses/mine"]?.get?.summary).toMatch(/My courses/);
  });
});
