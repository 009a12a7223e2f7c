import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestContext,
  fieldsOf,
  login,
  register,
  type Session,
  STRONG_PASSWORD,
  type TestContext,
} from "./helpers.js";

type Device = { id: string; device: string; current: boolean; created_at: string; last_used_at: string };
type User = { full_name: string; profile: Record<string, unknown> };

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

async function signIn(email: string, userAgent: string, password = STRONG_PASSWORD): Promise<Session> {
  const r = await call<Session>(ctx.app, {
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password },
    headers: { "user-agent": userAgent },
  });
  if (r.status !== 200) throw new Error(`login ${r.status}`);
  return r.body.data;
}

describe("profile", () => {
  it("edits name, bio, level and goals; empty values remove them; other fields are ignored", async () => {
    const me = await register(ctx.app, "profile@account.test");
    const patch = (payload: unknown) =>
      call<{ user: User }>(ctx.app, {
        method: "PATCH",
        url: "/api/v1/users/me",
        token: me.access_token,
        payload: payload as object,
      });

    const saved = await patch({
      full_name: "  Grace Hopper ",
      bio: "Compilers.",
      skill_level: "advanced",
      learning_goals: ["Data science", "data science", "SQL"],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.user.full_name).toBe("Grace Hopper");
    expect(saved.body.data.user.profile).toMatchObject({
      bio: "Compilers.",
      skill_level: "advanced",
      learning_goals: ["Data science", "SQL"],
    });

    // A partial edit keeps the rest; empty bio, no goals and a null level remove them.
    const cleared = await patch({ bio: "", learning_goals: [], skill_level: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data.user.full_name).toBe("Grace Hopper");
    expect(cleared.body.data.user.profile).toEqual({});

    const me2 = await call<{ user: User }>(ctx.app, { method: "GET", url: "/api/v1/auth/me", token: me.access_token });
    expect(me2.body.data.user.profile).toEqual({});

    for (const [payload, field] of [
      [{}, null],
      [{ role: "admin" }, null],
      [{ email: "x@y.z" }, null],
      [{ full_name: "   " }, "full_name"],
      [{ full_name: "Evil\r\nBcc: attacker@example.com" }, "full_name"],
      [{ full_name: "Tab\tName" }, "full_name"],
      [{ full_name: "Ann \u202Enoxid" }, "full_name"],
      [{ bio: "x".repeat(1001) }, "bio"],
      [{ skill_level: "guru" }, "skill_level"],
      [{ learning_goals: ["a", "b", "c", "d", "e", "f"] }, "learning_goals"],
    ] as const) {
      const r = await patch(payload);
      expect(r.status, JSON.stringify(payload)).toBe(400);
      expect(r.body.error?.code).toBe("VALIDATION_ERROR");
      if (field) expect(Object.keys(fieldsOf(r.body)).some((k) => k.startsWith(field))).toBe(true);
    }
    const after = await call<{ user: User & { role: string } }>(ctx.app, {
      method: "GET",
      url: "/api/v1/auth/me",
      token: me.access_token,
    });
    expect(after.body.data.user.role).toBe("student");
    // Unknown fields beside known ones are ignored, never stored (API.md).
    const mixed = await patch({ full_name: "Grace B. Hopper", role: "admin", premium: true });
    expect(mixed.status).toBe(200);
    expect(mixed.body.data.user.full_name).toBe("Grace B. Hopper");
    expect((mixed.body.data.user as User & { role: string }).role).toBe("student");
  });

  it("needs a signed-in user", async () => {
    const r = await call(ctx.app, { method: "PATCH", url: "/api/v1/users/me", payload: { bio: "x" } });
    expect(r.status).toBe(401);
  });
});

describe("sessions", () => {
  it("lists devices (this one first), signs one out, then every other", async () => {
    const email = "devices@account.test";
    await register(ctx.app, email);
    const laptop = await signIn(email, FIREFOX);
    const phone = await signIn(email, SAFARI_IPHONE);
    const list = await call<Device[]>(ctx.app, {
      method: "GET",
      url: "/api/v1/auth/sessions",
      token: laptop.access_token,
    });
    expect(list.status).toBe(200);
    const devices = list.body.data;
    expect(devices[0]).toMatchObject({ current: true, device: "Firefox on Linux" });
    expect(devices.filter((d) => d.current)).toHaveLength(1);
    expect(devices.map((d) => d.device)).toContain("Safari on iPhone");
    expect(devices).toHaveLength(3); // the session from registering, too

    const phoneSession = devices.find((d) => d.device === "Safari on iPhone") as Device;
    const own = await call(ctx.app, {
      method: "DELETE",
      url: `/api/v1/auth/sessions/${(devices[0] as Device).id}`,
      token: laptop.access_token,
    });
    expect(own.status).toBe(409);
    const out = await call(ctx.app, {
      method: "DELETE",
      url: `/api/v1/auth/sessions/${phoneSession.id}`,
      token: laptop.access_token,
    });
    expect(out.status).toBe(200);
    // The phone's access token stops working at once, and its refresh token too.
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/auth/me", token: phone.access_token })).status).toBe(
      401,
    );
    const refresh = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: phone.refresh_token },
    });
    expect(refresh.status).toBe(401);
    const again = await call(ctx.app, {
      method: "DELETE",
      url: `/api/v1/auth/sessions/${phoneSession.id}`,
      token: laptop.access_token,
    });
    expect(again.status).toBe(404);

    const others = await call<{ revoked: number }>(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/sessions/revoke-others",
      token: laptop.access_token,
    });
    expect(others.status).toBe(200);
    expect(others.body.data.revoked).toBe(1);
    const left = await call<Device[]>(ctx.app, {
      method: "GET",
      url: "/api/v1/auth/sessions",
      token: laptop.access_token,
    });
    expect(left.body.data.map((d) => d.current)).toEqual([true]);
  });

  it("can't sign out someone else's session", async () => {
    const a = await register(ctx.app, "a@account.test");
    const b = await register(ctx.app, "b@account.test");
    const bSessions = await call<Device[]>(ctx.app, {
      method: "GET",
      url: "/api/v1/auth/sessions",
      token: b.access_token,
    });
    const target = (bSessions.body.data[0] as Device).id;
    const r = await call(ctx.app, { method: "DELETE", url: `/api/v1/auth/sessions/${target}`, token: a.access_token });
    expect(r.status).toBe(404);
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/auth/me", token: b.access_token })).status).toBe(200);
  });
});

describe("change password", () => {
  it("needs the current password, keeps this device and signs the others out", async () => {
    const email = "pw@account.test";
    await register(ctx.app, email);
    const laptop = await signIn(email, FIREFOX);
    const phone = await signIn(email, SAFARI_IPHONE);
    const change = (payload: unknown) =>
      call<{ revoked: number }>(ctx.app, {
        method: "POST",
        url: "/api/v1/auth/password",
        token: laptop.access_token,
        payload: payload as object,
      });

    const wrong = await change({ current_password: "not it at all", new_password: "a brand new passphrase" });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body).current_password).toBeDefined();
    const same = await change({ current_password: STRONG_PASSWORD, new_password: STRONG_PASSWORD });
    expect(same.status).toBe(400);
    expect(fieldsOf(same.body).new_password).toBeDefined();
    const weak = await change({ current_password: STRONG_PASSWORD, new_password: "short" });
    expect(weak.status).toBe(400);
    expect(fieldsOf(weak.body).new_password).toBeDefined();

    const done = await change({ current_password: STRONG_PASSWORD, new_password: "a brand new passphrase" });
    expect(done.status).toBe(200);
    expect(done.body.data.revoked).toBe(2); // the phone and the registration session
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/auth/me", token: laptop.access_token })).status).toBe(
      200,
    );
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/auth/me", token: phone.access_token })).status).toBe(
      401,
    );
    expect((await login(ctx.app, email)).status).toBe(401);
    expect((await login(ctx.app, email, "a brand new passphrase")).status).toBe(200);
  });

  it("locks out after repeated wrong guesses, like the login", async () => {
    const email = "guess@account.test";
    const me = await register(ctx.app, email);
    let last = 0;
    for (let i = 0; i < 12; i++) {
      const r = await call(ctx.app, {
        method: "POST",
        url: "/api/v1/auth/password",
        token: me.access_token,
        payload: { current_password: `wrong guess ${i}`, new_password: "a brand new passphrase" },
      });
      last = r.status;
      if (r.status === 429) break;
    }
    expect(last).toBe(429);
  });
});

describe("export", () => {
  it("downloads everything held about the caller and nothing secret", async () => {
    const me = await register(ctx.app, "export@account.test", STRONG_PASSWORD, "Export Person");
    await call(ctx.app, { method: "PATCH", url: "/api/v1/users/me", token: me.access_token, payload: { bio: "Hi" } });
    const r = await call<Record<string, unknown>>(ctx.app, {
      method: "GET",
      url: "/api/v1/users/me/export",
      token: me.access_token,
    });
    expect(r.status).toBe(200);
    expect(r.res.headers["content-disposition"]).toMatch(/^attachment; filename="lumen-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(r.res.headers["cache-control"]).toMatch(/no-store/);
    const data = r.body.data;
    expect(data.account).toMatchObject({
      email: "export@account.test",
      full_name: "Export Person",
      profile: { bio: "Hi" },
    });
    for (const key of [
      "enrollments",
      "progress",
      "quiz_attempts",
      "reviews",
      "review_replies",
      "notes",
      "certificates",
      "review_cards",
      "card_reviews",
      "daily_reviews",
      "notifications",
      "notification_preferences",
      "tutor_conversations",
      "purchases",
      "sessions",
    ]) {
      expect(Array.isArray(data[key]), key).toBe(true);
    }
    expect((data.sessions as unknown[]).length).toBe(1);
    const text = JSON.stringify(data);
    for (const secret of ["password_hash", "argon2", "token_version", "refresh", me.refresh_token]) {
      expect(text).not.toContain(secret);
    }
  });
});
