import { execRows } from "@lumen/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, createTestContext, login, register, type Session, type TestContext, userWithRole } from "./helpers.js";

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  admin = await userWithRole(ctx, "root@example.com", "admin");
});

type UserList = { items: Array<{ id: string; email: string; role: string }>; next_cursor: string | null };
const put = (id: string, payload: object, token: string) =>
  call<{ user: { role: string; premium_status: boolean; disabled: boolean } }>(ctx.app, {
    method: "PUT",
    url: `/api/v1/admin/users/${id}`,
    payload,
    token,
  });

describe("admin routes", () => {
  it("are closed to guests (401), students and creators (403)", async () => {
    const student = await register(ctx.app, "student@example.com");
    const creator = await userWithRole(ctx, "creator@example.com", "creator");
    for (const url of ["/api/v1/admin/users", "/api/v1/admin/security-events"]) {
      expect((await call(ctx.app, { method: "GET", url })).status).toBe(401);
      const s = await call(ctx.app, { method: "GET", url, token: student.access_token });
      expect(s.status).toBe(403);
      expect(s.body.error?.code).toBe("FORBIDDEN");
      expect((await call(ctx.app, { method: "GET", url, token: creator.access_token })).status).toBe(403);
    }
    expect((await put(student.user.id, { role: "admin" }, student.access_token)).status).toBe(403);
  });

  it("list users with search, role filter and cursor pagination", async () => {
    for (const n of ["alice", "bob", "carol"]) await register(ctx.app, `${n}@example.com`, undefined, n.toUpperCase());
    const all = await call<UserList>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/users?limit=2",
      token: admin.access_token,
    });
    expect(all.status).toBe(200);
    expect(all.body.data.items).toHaveLength(2);
    const next = await call<UserList>(ctx.app, {
      method: "GET",
      url: `/api/v1/admin/users?limit=2&cursor=${all.body.data.next_cursor}`,
      token: admin.access_token,
    });
    const emails = [...all.body.data.items, ...next.body.data.items].map((u) => u.email);
    expect(new Set(emails).size).toBe(4);
    expect(next.body.data.next_cursor).toBeNull();
    const search = await call<UserList>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/users?q=BOB",
      token: admin.access_token,
    });
    expect(search.body.data.items.map((u) => u.email)).toEqual(["bob@example.com"]);
    const admins = await call<UserList>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/users?role=admin",
      token: admin.access_token,
    });
    expect(admins.body.data.items.map((u) => u.email)).toEqual(["root@example.com"]);
  });

  it("reject bad filters and cursors", async () => {
    expect(
      (await call(ctx.app, { method: "GET", url: "/api/v1/admin/users?role=god", token: admin.access_token })).status,
    ).toBe(400);
    expect(
      (await call(ctx.app, { method: "GET", url: "/api/v1/admin/users?limit=0", token: admin.access_token })).status,
    ).toBe(400);
    expect(
      (await call(ctx.app, { method: "GET", url: "/api/v1/admin/users?limit=101", token: admin.access_token })).status,
    ).toBe(400);
    const badCursor = await call(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/users?cursor=nonsense",
      token: admin.access_token,
    });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error?.code).toBe("VALIDATION_ERROR");
  });

  it("promote a student, and the change shows in the security events", async () => {
    const s = await register(ctx.app, "promote@example.com");
    const res = await put(s.user.id, { role: "creator" }, admin.access_token);
    expect(res.status).toBe(200);
    expect(res.body.data.user.role).toBe("creator");
    // The new role applies at once, even to the access token issued before the change.
    const me = await call<{ user: { role: string } }>(ctx.app, {
      method: "GET",
      url: "/api/v1/auth/me",
      token: s.access_token,
    });
    expect(me.body.data.user.role).toBe("creator");
    const events = await call<{
      items: Array<{ type: string; user_id: string; details: Record<string, unknown>; ip_address: string | null }>;
    }>(ctx.app, { method: "GET", url: "/api/v1/admin/security-events?type=role_changed", token: admin.access_token });
    expect(events.body.data.items).toHaveLength(1);
    expect(events.body.data.items[0]).toMatchObject({
      type: "role_changed",
      user_id: s.user.id,
      details: { from: "student", to: "creator", changed_by: admin.user.id },
    });
    expect(events.body.data.items[0]?.ip_address).toBe("127.0.0.1");
  });

  it("grant premium", async () => {
    const s = await register(ctx.app, "vip@example.com");
    const res = await put(s.user.id, { premium_status: true }, admin.access_token);
    expect(res.body.data.user.premium_status).toBe(true);
  });

  it("disable a user: tokens stop working, refresh and login are refused; enabling restores login", async () => {
    const s = await register(ctx.app, "bad@example.com");
    const res = await put(s.user.id, { disabled: true }, admin.access_token);
    expect(res.body.data.user.disabled).toBe(true);
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/auth/me", token: s.access_token })).status).toBe(401);
    expect(
      (
        await call(ctx.app, {
          method: "POST",
          url: "/api/v1/auth/refresh",
          payload: { refresh_token: s.refresh_token },
        })
      ).status,
    ).toBe(401);
    expect((await login(ctx.app, "bad@example.com")).status).toBe(403);
    await put(s.user.id, { disabled: false }, admin.access_token);
    expect((await login(ctx.app, "bad@example.com")).status).toBe(200);
    const types = await call<{ items: Array<{ type: string }> }>(ctx.app, {
      method: "GET",
      url: `/api/v1/admin/security-events?user_id=${s.user.id}`,
      token: admin.access_token,
    });
    expect(types.body.data.items.map((e) => e.type)).toEqual(
      expect.arrayContaining(["account_disabled", "account_enabled"]),
    );
  });

  it("refuse to let an admin disable or demote themselves", async () => {
    expect((await put(admin.user.id, { disabled: true }, admin.access_token)).status).toBe(409);
    expect((await put(admin.user.id, { role: "student" }, admin.access_token)).status).toBe(409);
  });

  it("validate the update body and the id", async () => {
    const s = await register(ctx.app, "val@example.com");
    expect((await put(s.user.id, {}, admin.access_token)).status).toBe(400);
    expect((await put(s.user.id, { role: "superuser" }, admin.access_token)).status).toBe(400);
    expect((await put(s.user.id, { premium_status: "yes" }, admin.access_token)).status).toBe(400);
    expect((await put("not-a-uuid", { role: "creator" }, admin.access_token)).status).toBe(400);
    const missing = await put("00000000-0000-4000-8000-000000000000", { role: "creator" }, admin.access_token);
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe("NOT_FOUND");
  });

  it("keep security event details encrypted at rest", async () => {
    const s = await register(ctx.app, "enc@example.com");
    await put(s.user.id, { role: "creator" }, admin.access_token);
    const { sql } = await import("drizzle-orm");
    const rows = await execRows<{ ip_address: string; details: string }>(
      ctx.database.db,
      sql`select ip_address, details from security_events`,
    );
    expect(rows.rows[0]?.ip_address).toMatch(/^v1\./);
    expect(rows.rows[0]?.ip_address).not.toContain("127.0.0.1");
    expect(rows.rows[0]?.details).not.toContain("creator");
  });
});
