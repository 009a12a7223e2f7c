import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  call,
  createTestContext,
  fieldsOf,
  register,
  type Session,
  type TestContext,
  userWithRole,
} from "./helpers.js";
import { buildCourse, enroll } from "./learning-fixtures.js";

let ctx: TestContext;
let creator: Session;
let other: Session;
let student: Session;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await userWithRole(ctx, "creator@example.com", "creator");
  other = await userWithRole(ctx, "other-creator@example.com", "creator");
  admin = await userWithRole(ctx, "admin@example.com", "admin");
  student = await register(ctx.app, "student@example.com");
});

type Detail = {
  id: string;
  status: string;
  title: string;
  pricing: { is_free: boolean; price: number };
  modules: Array<{
    id: string;
    title: string;
    lessons: Array<{ id: string; title: string; kind: string; duration_seconds: number }>;
  }>;
  stats: { lesson_count: number; total_duration_seconds: number; enrollment_count: number };
  enrollment: { status: string } | null;
  access: { can_edit: boolean; can_view_content: boolean; requires_premium: boolean };
  creator: { id: string };
};
type List = { items: Array<{ id: string; title: string }>; next_cursor: string | null };
const get = (id: string, token?: string) =>
  call<Detail>(ctx.app, { method: "GET", url: `/api/v1/courses/${id}`, ...(token ? { token } : {}) });
const search = (q: string) => call<List>(ctx.app, { method: "GET", url: `/api/v1/courses?q=${encodeURIComponent(q)}` });

describe("creating and editing courses", () => {
  it("lets creators create drafts they own, and refuses students", async () => {
    const res = await call<Detail>(ctx.app, {
      method: "POST",
      url: "/api/v1/courses",
      token: creator.access_token,
      payload: {
        title: "Genetics",
        description: "Genes",
        category: "Science",
        level: "advanced",
        pricing: { is_free: false, price: 25 },
        creator_id: student.user.id,
        status: "published",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      status: "draft",
      title: "Genetics",
      pricing: { is_free: false, price: 25 },
      creator: { id: creator.user.id },
    });
    const denied = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/courses",
      token: student.access_token,
      payload: { title: "X", category: "Y", level: "beginner", pricing: { is_free: true, price: 0 } },
    });
    expect(denied.status).toBe(403);
  });

  it.each([
    [{ title: "", category: "Science", level: "beginner", pricing: { is_free: true, price: 0 } }, "title"],
    [{ title: "T", category: "Science", level: "expert", pricing: { is_free: true, price: 0 } }, "level"],
    [{ title: "T", category: "Science", level: "beginner", pricing: { is_free: false, price: 0 } }, "pricing.price"],
    [{ title: "T", category: "Science", level: "beginner", pricing: { is_free: true, price: -5 } }, "pricing.price"],
    [
      { title: "T", category: "Science", level: "beginner", pricing: { is_free: false, price: 0.001 } },
      "pricing.price",
    ],
    [
      { title: "T", category: "Science", level: "beginner", pricing: { is_free: false, price: 19.999 } },
      "pricing.price",
    ],
    [{ title: "T", level: "beginner", pricing: { is_free: true, price: 0 } }, "category"],
  ])("rejects %j naming %s", async (payload, field) => {
    const res = await call(ctx.app, { method: "POST", url: "/api/v1/courses", token: creator.access_token, payload });
    expect(res.status).toBe(400);
    expect(Object.keys(fieldsOf(res.body))).toContain(field);
  });

  it("keeps drafts invisible to everyone but the owner and admins", async () => {
    const c = await buildCourse(ctx, creator, { publish: false });
    expect((await get(c.courseId)).status).toBe(404);
    expect((await get(c.courseId, student.access_token)).status).toBe(404);
    expect((await get(c.courseId, other.access_token)).status).toBe(404);
    expect((await get(c.courseId, creator.access_token)).status).toBe(200);
    expect((await get(c.courseId, admin.access_token)).body.data.access.can_edit).toBe(true);
    expect((await call<List>(ctx.app, { method: "GET", url: "/api/v1/courses" })).body.data.items).toHaveLength(0);
  });

  it("refuses to publish a course without lessons", async () => {
    const res = await call<Detail>(ctx.app, {
      method: "POST",
      url: "/api/v1/courses",
      token: creator.access_token,
      payload: { title: "Empty", category: "Science", level: "beginner", pricing: { is_free: true, price: 0 } },
    });
    const pub = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${res.body.data.id}`,
      token: creator.access_token,
      payload: { status: "published" },
    });
    expect(pub.status).toBe(409);
  });

  it("lets only the owner and admins edit, and moves status draft → published → archived", async () => {
    const c = await buildCourse(ctx, creator, { publish: false });
    expect(
      (
        await call(ctx.app, {
          method: "PUT",
          url: `/api/v1/courses/${c.courseId}`,
          token: other.access_token,
          payload: { title: "Mine now" },
        })
      ).status,
    ).toBe(404);
    const pub = await call<Detail>(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${c.courseId}`,
      token: creator.access_token,
      payload: { status: "published", title: "Cell Biology, Revised" },
    });
    expect(pub.body.data).toMatchObject({ status: "published", title: "Cell Biology, Revised" });
    expect(
      (
        await call(ctx.app, {
          method: "PUT",
          url: `/api/v1/courses/${c.courseId}`,
          token: other.access_token,
          payload: { title: "Mine now" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(ctx.app, {
          method: "PUT",
          url: `/api/v1/courses/${c.courseId}`,
          token: student.access_token,
          payload: { title: "Mine" },
        })
      ).status,
    ).toBe(403);
    const archived = await call<Detail>(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${c.courseId}`,
      token: admin.access_token,
      payload: { status: "archived" },
    });
    expect(archived.body.data.status).toBe("archived");
    const bad = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${c.courseId}`,
      token: creator.access_token,
      payload: { status: "draft" },
    });
    expect(bad.status).toBe(409);
  });

  it("shows the outline and stats publicly, with the caller's enrollment", async () => {
    const c = await buildCourse(ctx, creator);
    const guest = await get(c.courseId);
    expect(guest.body.data.modules[0]?.lessons.map((l) => l.title)).toEqual([
      "The mitochondria",
      "Reading: the nucleus",
    ]);
    expect(guest.body.data.stats).toMatchObject({ lesson_count: 2, total_duration_seconds: 220 });
    expect(guest.body.data.enrollment).toBeNull();
    expect(guest.body.data.access).toEqual({ can_edit: false, can_view_content: false, requires_premium: false });
    await enroll(ctx, student, c.courseId);
    const mine = await get(c.courseId, student.access_token);
    expect(mine.body.data.enrollment?.status).toBe("active");
    expect(mine.body.data.access.can_view_content).toBe(true);
    expect(mine.body.data.stats.enrollment_count).toBe(1);
  });

  it("deletes a course nobody enrolled in, and archives one with enrollments", async () => {
    const lonely = await buildCourse(ctx, creator, { title: "Lonely" });
    const del = await call<{ deleted: boolean }>(ctx.app, {
      method: "DELETE",
      url: `/api/v1/courses/${lonely.courseId}`,
      token: creator.access_token,
    });
    expect(del.body.data).toEqual({ deleted: true, archived: false });
    expect((await get(lonely.courseId, creator.access_token)).status).toBe(404);
    const popular = await buildCourse(ctx, creator, { title: "Popular" });
    await enroll(ctx, student, popular.courseId);
    const arch = await call<{ archived: boolean }>(ctx.app, {
      method: "DELETE",
      url: `/api/v1/courses/${popular.courseId}`,
      token: creator.access_token,
    });
    expect(arch.body.data).toEqual({ deleted: false, archived: true });
    // The enrolled learner keeps the course and its history; the catalog no longer lists it.
    expect((await get(popular.courseId, student.access_token)).status).toBe(200);
    expect((await get(popular.courseId)).status).toBe(404);
  });
});

describe("search", () => {
  beforeEach(async () => {
    await buildCourse(ctx, creator, {
      title: "Photosynthesis for Beginners",
      description: "How plants make sugar from light.",
    });
    await buildCourse(ctx, creator, {
      title: "Intro to Databases",
      description: "Tables, rows and SQL queries.",
      category: "Programming",
    });
  });

  it("finds by title, ranked first, and tolerates typos", async () => {
    expect((await search("photosynthesis")).body.data.items[0]?.title).toBe("Photosynthesis for Beginners");
    expect((await search("photosynthesys")).body.data.items[0]?.title).toBe("Photosynthesis for Beginners");
    expect((await search("databse")).body.data.items[0]?.title).toBe("Intro to Databases");
  });

  it("tolerates two swapped letters as it tolerates other typos", async () => {
    await buildCourse(ctx, creator, { title: "Python for Data Analysis", description: "Tables and charts." });
    for (const q of ["pyhton", "pytohn", "Pyhton data"]) {
      expect(
        (await search(q)).body.data.items.map((c) => c.title),
        q,
      ).toContain("Python for Data Analysis");
      expect((await search(q)).body.data.items[0]?.title, q).toBe("Python for Data Analysis");
    }
    const suggest = await call<{ items: Array<{ title: string }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/courses/suggest?q=pytohn",
    });
    expect(suggest.body.data.items[0]?.title).toBe("Python for Data Analysis");
  });

  it("finds words said in a lesson's transcript", async () => {
    const res = await search("chloroplasts");
    expect(res.body.data.items.length).toBe(2);
  });

  it("ranks a title match above a description match", async () => {
    await buildCourse(ctx, creator, { title: "Plant Nutrition", description: "Covers photosynthesis briefly." });
    const titles = (await search("photosynthesis")).body.data.items.map((c) => c.title);
    expect(titles.indexOf("Photosynthesis for Beginners")).toBeLessThan(titles.indexOf("Plant Nutrition"));
  });

  it("is harmless with SQL metacharacters in q and filters", async () => {
    for (const q of ["'; drop table courses; --", "%", "_", "\\", "a' OR '1'='1", "!(&|:*)", '"unterminated']) {
      const res = await search(q);
      expect(res.status).toBe(200);
    }
    const cat = await call<List>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses?category=${encodeURIComponent("Science' OR 1=1 --")}`,
    });
    expect(cat.status).toBe(200);
    expect(cat.body.data.items).toHaveLength(0);
    expect((await call<List>(ctx.app, { method: "GET", url: "/api/v1/courses" })).body.data.items).toHaveLength(2);
  });

  it("suggests titles as you type", async () => {
    const res = await call<{ items: Array<{ title: string }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/courses/suggest?q=photo",
    });
    expect(res.body.data.items.map((i) => i.title)).toEqual(["Photosynthesis for Beginners"]);
    const typo = await call<{ items: Array<{ title: string }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/courses/suggest?q=databses",
    });
    expect(typo.body.data.items[0]?.title).toBe("Intro to Databases");
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/courses/suggest?q=" })).status).toBe(400);
  });

  it("pages relevance results with a cursor", async () => {
    for (let i = 0; i < 3; i++) await buildCourse(ctx, creator, { title: `Photosynthesis part ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: List } } = await call<List>(ctx.app, {
        method: "GET",
        url: `/api/v1/courses?q=photosynthesis&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      });
      seen.push(...page.body.data.items.map((c) => c.id));
      cursor = page.body.data.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it("re-indexes a course when a lesson changes", async () => {
    const c = await buildCourse(ctx, creator, { title: "Quiet course", description: "Nothing special." });
    expect((await search("ribosome")).body.data.items).toHaveLength(0);
    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${c.textLessonId}`,
      token: creator.access_token,
      payload: { title: "The ribosome" },
    });
    expect((await search("ribosome")).body.data.items.map((i) => i.id)).toEqual([c.courseId]);
  });
});
