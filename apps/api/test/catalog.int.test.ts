import { existsSync } from "node:fs";
import path from "node:path";
import { DEMO_MEDIA_DIR, execRows } from "@lumen/db";
import { DEMO_USERS, demoCourses, seedDemo } from "@lumen/db/seed";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/modules/auth/password.js";
import { call, createTestContext, login, type TestContext } from "./helpers.js";

type Course = {
  id: string;
  title: string;
  category: string;
  level: string;
  pricing: { is_free: boolean; price: number };
  status: string;
  creator: { id: string; full_name: string };
  stats: { enrollment_count: number; lesson_count: number; total_duration_seconds: number; rating_avg: number };
  thumbnail_url: string | null;
  created_at: string;
};
type CourseList = { items: Course[]; next_cursor: string | null };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.database.db, { hashPassword });
});
/** A direct database edit bypasses the services' cache bumps, as an operator's would: invalidate by hand. */
const edit = async (query: ReturnType<typeof sql>) => {
  await ctx.database.db.execute(query);
  await ctx.app.publicReads.invalidateAll();
};
afterAll(async () => ctx?.close());

const list = (query = "") => call<CourseList>(ctx.app, { method: "GET", url: `/api/v1/courses${query}` });

describe("demo data", () => {
  it("has an admin, two creators and two students who can sign in", async () => {
    const roles = DEMO_USERS.map((u) => u.role).sort();
    expect(roles).toEqual(["admin", "creator", "creator", "student", "student"]);
    for (const u of DEMO_USERS) {
      const res = await login(ctx.app, u.email, u.password);
      expect(res.status, u.email).toBe(200);
      expect(res.body.data.user.role).toBe(u.role);
      expect(res.body.data.user.email_verified).toBe(true);
    }
  });

  it("has at least 8 published courses across 4 categories, all 3 levels, free and paid", async () => {
    const { body } = await list("?limit=100");
    const items = body.data.items;
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(new Set(items.map((c) => c.category)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(items.map((c) => c.level))).toEqual(new Set(["beginner", "intermediate", "advanced"]));
    expect(items.some((c) => c.pricing.is_free)).toBe(true);
    expect(items.some((c) => !c.pricing.is_free && c.pricing.price > 0)).toBe(true);
    for (const c of items) {
      expect(c.status).toBe("published");
      expect(c.stats.lesson_count).toBeGreaterThan(0);
      expect(c.stats.total_duration_seconds).toBeGreaterThan(0);
      expect(c.creator.full_name).toBeTruthy();
    }
  });

  it("gives every video lesson a WebVTT transcript and a playable file, every text lesson markdown", async () => {
    const rows = await execRows<{
      kind: string;
      video_url: string | null;
      transcript_vtt: string | null;
      content_md: string;
      duration_seconds: number;
    }>(ctx.database.db, sql`select kind, video_url, transcript_vtt, content_md, duration_seconds from lessons`);
    expect(rows.rows.length).toBe(demoCourses.flatMap((c) => c.modules.flatMap((m) => m.lessons)).length);
    for (const l of rows.rows) {
      if (l.kind === "video") {
        expect(l.transcript_vtt?.startsWith("WEBVTT")).toBe(true);
        const cues = l.transcript_vtt?.match(/\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}/g) ?? [];
        expect(cues.length).toBeGreaterThan(10);
        expect(l.duration_seconds).toBeGreaterThanOrEqual(150);
        const file = path.join(DEMO_MEDIA_DIR, (l.video_url as string).replace("/media/demo/", ""));
        expect(existsSync(file), file).toBe(true);
      } else {
        expect(l.content_md.length).toBeGreaterThan(500);
      }
    }
  });

  it("serves demo videos with Range support and cache headers", async () => {
    const [preview] = (
      await execRows<{ id: string }>(
        ctx.database.db,
        sql`select id from lessons where kind = 'video' and is_preview limit 1`,
      )
    ).rows;
    // Demo videos answer only to the signed link a lesson hands out (a preview lesson's to anyone).
    const read = await call<{ video_url: string }>(ctx.app, { method: "GET", url: `/api/v1/lessons/${preview?.id}` });
    const lesson = { video_url: read.body.data.video_url };
    const full = await ctx.app.inject({ method: "GET", url: lesson.video_url });
    expect(full.statusCode).toBe(200);
    expect(full.headers["content-type"]).toMatch(/video\/webm/);
    expect(full.headers["accept-ranges"]).toBe("bytes");
    expect(full.headers["cache-control"]).toMatch(/max-age=\d+/);
    expect(full.headers.etag).toBeTruthy();
    const part = await ctx.app.inject({
      method: "GET",
      url: lesson.video_url,
      headers: { range: "bytes=100-199" },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers["content-range"]).toMatch(/^bytes 100-199\//);
    expect(part.rawPayload.length).toBe(100);
  });
});

describe("GET /courses", () => {
  it("filters by category, level and price", async () => {
    const science = await list("?category=science");
    expect(science.body.data.items.length).toBeGreaterThan(0);
    expect(science.body.data.items.every((c) => c.category === "Science")).toBe(true);
    const beginner = await list("?level=beginner&limit=100");
    expect(beginner.body.data.items.every((c) => c.level === "beginner")).toBe(true);
    const free = await list("?is_free=true&limit=100");
    expect(free.body.data.items.every((c) => c.pricing.is_free)).toBe(true);
    const paid = await list("?is_free=false&limit=100");
    expect(paid.body.data.items.every((c) => !c.pricing.is_free)).toBe(true);
    const cheap = await list("?is_free=false&max_price=1");
    expect(cheap.body.data.items).toHaveLength(0);
  });

  it("finds a course by a word of its title", async () => {
    const res = await list("?q=photosynthesis");
    expect(res.body.data.items.map((c) => c.title.toLowerCase()).some((t) => t.includes("photosynthesis"))).toBe(true);
  });

  it("filters by creator", async () => {
    const all = await list("?limit=100");
    const creator = all.body.data.items[0]?.creator.id as string;
    const mine = await list(`?creator_id=${creator}&limit=100`);
    expect(mine.body.data.items.length).toBeGreaterThan(0);
    expect(mine.body.data.items.every((c) => c.creator.id === creator)).toBe(true);
  });

  it("pages with a stable cursor in every sort, with no duplicates or gaps", async () => {
    const total = (await list("?limit=100")).body.data.items.length;
    for (const sort of ["newest", "popular", "rating"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { data: CourseList } } = await list(
          `?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        );
        seen.push(...page.body.data.items.map((c) => c.id));
        cursor = page.body.data.next_cursor;
      } while (cursor);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    }
  });

  it("orders newest first and most popular first", async () => {
    const newest = (await list("?sort=newest&limit=100")).body.data.items.map((c) => Date.parse(c.created_at));
    expect([...newest].sort((a, b) => b - a)).toEqual(newest);
    const popular = (await list("?sort=popular&limit=100")).body.data.items.map((c) => c.stats.enrollment_count);
    expect([...popular].sort((a, b) => b - a)).toEqual(popular);
  });

  it("hides drafts and archived courses", async () => {
    const before = (await list("?limit=100")).body.data.items.length;
    await edit(
      sql`update courses set status = 'draft' where id = (select id from courses order by created_at limit 1)`,
    );
    expect((await list("?limit=100")).body.data.items.length).toBe(before - 1);
    await edit(sql`update courses set status = 'published' where status = 'draft'`);
  });

  it("lists the published categories once each, case-folded, with their counts", async () => {
    const categories = () =>
      call<{ items: { name: string; course_count: number }[] }>(ctx.app, {
        method: "GET",
        url: "/api/v1/courses/categories",
      });
    const published = (await list("?limit=100")).body.data.items;
    const expected = new Map<string, number>();
    for (const c of published)
      expected.set(c.category.toLowerCase(), (expected.get(c.category.toLowerCase()) ?? 0) + 1);
    const before = (await categories()).body.data.items;
    expect(before.map((c) => [c.name.toLowerCase(), c.course_count])).toEqual(
      [...expected.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );

    // One course spelled differently and one draft in a new category: neither adds a category.
    const [first] = published;
    await edit(sql`update courses set category = upper(category) where id = ${first?.id}`);
    const hidden = published.find((c) => c.id !== first?.id);
    await edit(sql`update courses set status = 'draft', category = 'Unlisted topic' where id = ${hidden?.id}`);
    const after = (await categories()).body.data.items;
    expect(after.some((c) => c.name === "Unlisted topic")).toBe(false);
    expect(new Set(after.map((c) => c.name.toLowerCase())).size).toBe(after.length);
    expect(after.reduce((sum, c) => sum + c.course_count, 0)).toBe(published.length - 1);
    await edit(sql`update courses set status = 'published', category = ${hidden?.category} where id = ${hidden?.id}`);
    await edit(sql`update courses set category = ${first?.category} where id = ${first?.id}`);
  });

  it.each([
    "?level=expert",
    "?is_free=maybe",
    "?limit=0",
    "?limit=1000",
    "?sort=random",
    "?creator_id=abc",
    "?cursor=%%%",
    "?min_price=-1",
  ])("rejects %s with a validation error", async (query) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("VALIDATION_ERROR");
  });
});
