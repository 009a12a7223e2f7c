#!/usr/bin/env node
// The floor `npm run bench` compares the API against: a bare Fastify + pg server that answers the catalog page
// with the very SQL the API's catalog list runs (GET /api/v1/courses?limit=12: newest first, one row more than the
// page to know whether there is a next one), shaped into the same JSON fields, but with no envelope, no auth, no
// rate limit, no validation, no security headers and no schema serialisation.
// Usage: DATABASE_URL=... node scripts/bench-bare-server.mjs [port (default 4101)] [pool size (default 10, as the API's)]
import Fastify from "fastify";
import pg from "pg";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
const port = Number(process.argv[2] ?? 4101);
const pool = new pg.Pool({ connectionString: url, max: Number(process.argv[3] ?? 10) });
pool.on("error", () => {});

// Copied from the statement Drizzle builds for the API's catalog list (course.repo.ts, sort "newest").
const CATALOG_SQL = `select "courses"."id", "courses"."creator_id", "courses"."slug", "courses"."title", "courses"."subtitle",
  "courses"."description", "courses"."category", "courses"."level", "courses"."is_free", "courses"."price",
  "courses"."status", "courses"."tags", "courses"."outcomes", "courses"."thumbnail_url",
  "courses"."enrollment_count", "courses"."rating_avg", "courses"."rating_count", "courses"."lesson_count",
  "courses"."total_duration_seconds", "courses"."created_at", "courses"."updated_at", "courses"."published_at",
  "users"."full_name", "courses"."created_at"
  from "courses" inner join "users" on "users"."id" = "courses"."creator_id"
  where "courses"."status" = $1 order by "courses"."created_at" DESC, "courses"."id" DESC limit $2`;

const app = Fastify({ logger: false });

app.get("/health", async () => ({ ok: true }));

app.get("/api/v1/courses", async (request) => {
  const limit = Math.min(100, Math.max(1, Number(request.query.limit ?? 20) || 20));
  const { rows } = await pool.query({ text: CATALOG_SQL, values: ["published", limit + 1], rowMode: "array" });
  return {
    items: rows.slice(0, limit).map((r) => ({
      id: r[0],
      slug: r[2],
      title: r[3],
      subtitle: r[4],
      description: r[5],
      category: r[6],
      level: r[7],
      pricing: { is_free: r[8], price: r[8] ? 0 : Number(r[9]) },
      tags: r[11],
      thumbnail_url: r[13],
      status: r[10],
      creator: { id: r[1], full_name: r[23] },
      stats: {
        enrollment_count: r[15],
        rating_avg: r[16],
        rating_count: r[17],
        lesson_count: r[18],
        total_duration_seconds: r[19],
      },
      created_at: r[20],
      published_at: r[22],
    })),
    next_cursor: rows.length > limit ? "more" : null,
  };
});

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);

await app.listen({ host: "127.0.0.1", port });
console.log(`bare catalog server on http://127.0.0.1:${port}`);
