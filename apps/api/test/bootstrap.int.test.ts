import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureAdmin } from "../src/bootstrap.js";
import { call, createTestContext, login, type TestContext } from "./helpers.js";

let ctx: TestContext;
const log = { info: () => {} };
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());
beforeEach(async () => ctx.reset());

describe("ADMIN_EMAIL + ADMIN_PASSWORD", () => {
  it("create a verified admin once, who can sign in and reach admin routes", async () => {
    await ensureAdmin(ctx.database.db, { email: "ops@example.com", password: "operator passphrase" }, log);
    await ensureAdmin(ctx.database.db, { email: "OPS@example.com", password: "a different passphrase" }, log);
    const { rows } = await execRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from users`);
    expect(rows[0]?.n).toBe(1);
    const res = await login(ctx.app, "ops@example.com", "operator passphrase");
    expect(res.status).toBe(200);
    expect(res.body.data.user).toMatchObject({ role: "admin", email_verified: true });
    const admin = await call(ctx.app, { method: "GET", url: "/api/v1/admin/users", token: res.body.data.access_token });
    expect(admin.status).toBe(200);
  });

  it("restore the admin role and enable the account if someone changed them", async () => {
    await ensureAdmin(ctx.database.db, { email: "ops@example.com", password: "operator passphrase" }, log);
    await ctx.database.db.execute(sql`update users set role = 'student', disabled = true`);
    await ensureAdmin(ctx.database.db, { email: "ops@example.com", password: "operator passphrase" }, log);
    const { rows } = await execRows<{ role: string; disabled: boolean }>(
      ctx.database.db,
      sql`select role, disabled from users`,
    );
    expect(rows[0]).toEqual({ role: "admin", disabled: false });
  });
});
