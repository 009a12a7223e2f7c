import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAIL_THROTTLE } from "../src/modules/mail/mail.service.js";
import { call, createTestContext, outbox, register, type TestContext } from "./helpers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());
beforeEach(async () => ctx.reset());

const requestReset = (email: string, remoteAddress = "198.51.100.1") =>
  call(ctx.app, { method: "POST", url: "/api/v1/auth/reset-password", payload: { email }, remoteAddress });

const resets = async (to: string) =>
  (await outbox(ctx)).filter((m) => m.to.includes(to) && m.subject.includes("Reset your Lumen password"));

describe("mail throttles", () => {
  it("send at most 3 reset mails an hour to one address, and answer every request the same", async () => {
    await register(ctx.app, "flooded@example.com");
    const answers = new Set<string>();
    for (let i = 0; i < 20; i++) {
      // From many clients: the recipient's own limit holds whoever asks.
      const r = await requestReset("flooded@example.com", `198.51.100.${10 + i}`);
      expect(r.status).toBe(200);
      answers.add(JSON.stringify({ message: r.body.message, data: r.body.data }));
    }
    expect(answers.size).toBe(1);
    expect(await resets("flooded@example.com")).toHaveLength(MAIL_THROTTLE.max);
  });

  it("keep the last mailed reset link valid when a request is held back", async () => {
    await register(ctx.app, "keeper@example.com");
    for (let i = 0; i < MAIL_THROTTLE.max + 2; i++) await requestReset("keeper@example.com");
    const last = (await resets("keeper@example.com")).at(-1);
    const r = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/reset-password",
      payload: { token: last?.token, new_password: "a brand new passphrase" },
    });
    expect(r.status).toBe(200);
  });

  it("send at most 3 reset mails an hour on one client's requests, whatever the addresses", async () => {
    for (let i = 0; i < 5; i++) await register(ctx.app, `member${i}@example.com`);
    for (let i = 0; i < 5; i++) expect((await requestReset(`member${i}@example.com`, "203.0.113.50")).status).toBe(200);
    const mails = (await outbox(ctx)).filter((m) => m.subject.includes("Reset"));
    expect(mails).toHaveLength(MAIL_THROTTLE.max);
    // Another client is not held back by that one: an address the first client's limit held back gets its mail.
    // Which addresses those are depends on the order the background lookups finished in, not the request order.
    const heldBack = [0, 1, 2, 3, 4]
      .map((i) => `member${i}@example.com`)
      .find((address) => !mails.some((m) => m.to.includes(address)));
    expect(heldBack).toBeDefined();
    await requestReset(heldBack as string, "203.0.113.51");
    expect(await resets(heldBack as string)).toHaveLength(1);
  });

  it("send at most 3 verification mails an hour, the answer unchanged", async () => {
    const s = await register(ctx.app, "unverified@example.com");
    for (let i = 0; i < 10; i++) {
      const r = await call(ctx.app, {
        method: "POST",
        url: "/api/v1/auth/verify-email/resend",
        token: s.access_token,
        remoteAddress: `198.51.100.${100 + i}`,
      });
      expect(r.status).toBe(200);
      expect(r.body.message).toBe("Verification email sent");
    }
    const mails = (await outbox(ctx)).filter((m) => m.subject.includes("Confirm your email"));
    expect(mails).toHaveLength(MAIL_THROTTLE.max);
  });

  it("count again once the hour has passed", async () => {
    await register(ctx.app, "patient@example.com");
    for (let i = 0; i < MAIL_THROTTLE.max; i++) await requestReset("patient@example.com");
    await ctx.app.mail.flush();
    await ctx.database.db.execute(sql`update mail_outbox set created_at = created_at - interval '61 minutes'`);
    await requestReset("patient@example.com");
    expect(await resets("patient@example.com")).toHaveLength(MAIL_THROTTLE.max + 1);
  });
});

describe("mail to an address not yet verified", () => {
  const phishing = "your account was suspended, restore it at https://evil.example";

  it("carries no text the registrant typed", async () => {
    await register(ctx.app, "victim@example.com", undefined, phishing);
    await requestReset("victim@example.com");
    const mails = (await outbox(ctx)).filter((m) => m.to.includes("victim@example.com"));
    expect(mails.map((m) => m.subject).sort()).toEqual(["Confirm your email for Lumen", "Reset your Lumen password"]);
    for (const m of mails) {
      expect(m.raw).not.toContain("suspended");
      expect(m.raw).not.toContain("evil.example");
    }
  });

  it("greets a verified account by name", async () => {
    const s = await register(ctx.app, "known@example.com", undefined, "Ada Lovelace");
    await ctx.database.db.execute(sql`update users set email_verified = true where id = ${s.user.id}`);
    await requestReset("known@example.com");
    expect((await resets("known@example.com"))[0]?.raw).toContain("Hi Ada Lovelace,");
  });
});

describe("password reset requests", () => {
  it("answer known and unknown addresses alike, and only real accounts get mail", async () => {
    await register(ctx.app, "real@example.com");
    const known = await requestReset("real@example.com", "198.51.100.200");
    const unknown = await requestReset("nobody@example.com", "198.51.100.201");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body.message).toBe(known.body.message);
    expect(unknown.res.headers["content-length"]).toBe(known.res.headers["content-length"]);
    expect(await resets("real@example.com")).toHaveLength(1);
    expect(await resets("nobody@example.com")).toHaveLength(0);
  });
});
