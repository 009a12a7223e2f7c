import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  call,
  createTestContext,
  login,
  outbox,
  register,
  type Session,
  STRONG_PASSWORD,
  type TestContext,
  userWithRole,
} from "./helpers.js";
import { buildCourse } from "./learning-fixtures.js";
import { checkout } from "./payment-fixtures.js";

/** A Slack-style incoming webhook on loopback: records each JSON body, answers the queued statuses (then 200). */
function startReceiver() {
  const bodies: Array<{ text: string; blocks?: unknown[] }> = [];
  const statuses: number[] = [];
  let notify = () => {};
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      const status = statuses.shift() ?? 200;
      if (status === 200) bodies.push(JSON.parse(raw));
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "busy");
      notify();
    });
  });
  return {
    bodies,
    statuses,
    /** Resolves once `n` bodies have been accepted (waits on the requests themselves, no polling). */
    received(n: number) {
      return new Promise<void>((resolve) => {
        const check = () => {
          if (bodies.length >= n) resolve();
        };
        const prev = notify;
        notify = () => {
          prev();
          check();
        };
        check();
      });
    },
    async listen(): Promise<string> {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/alerts`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

type Alerts = { items: Array<{ type: string; details: { kind: string; summary: string } }> };

let ctx: TestContext;
let admin: Session;
const receiver = startReceiver();
beforeAll(async () => {
  const url = await receiver.listen();
  ctx = await createTestContext({
    config: {
      alerts: { webhookUrl: url, refundThresholdCents: 1000, lockoutAccounts: 2, lockoutWindowMinutes: 15 },
    },
  });
});
afterAll(async () => {
  await ctx?.close();
  await receiver.close();
});
beforeEach(async () => {
  await ctx.reset();
  receiver.bodies.length = 0;
  admin = await userWithRole(ctx, "sec-admin@example.com", "admin");
});

async function alerts(): Promise<Alerts["items"]> {
  await ctx.app.jobs.idle();
  const res = await call<Alerts>(ctx.app, {
    method: "GET",
    url: "/api/v1/admin/security-events?type=security_alert",
    token: admin.access_token,
  });
  expect(res.status).toBe(200);
  return res.body.data.items;
}

describe("security alerts", () => {
  it("a reused refresh token alerts the admins in the console, by email, and on the webhook", async () => {
    const user = await register(ctx.app, "victim@example.com");
    const first = await call<{ refresh_token: string }>(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: user.refresh_token },
    });
    expect(first.status).toBe(200);
    // The successor is used too, so the first token coming back is no lost-answer retry: it is reuse.
    const second = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: first.body.data.refresh_token },
    });
    expect(second.status).toBe(200);
    const replay = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: user.refresh_token },
    });
    expect(replay.status).toBe(401);

    const listed = await alerts();
    expect(listed).toHaveLength(1);
    expect(listed[0]?.details.kind).toBe("token_reuse");

    const mails = (await outbox(ctx)).filter((m) => m.subject.startsWith("[Lumen security]"));
    expect(mails.map((m) => m.to)).toEqual(["sec-admin@example.com"]);

    await receiver.received(1);
    const [body] = receiver.bodies;
    expect(body?.text).toMatch(/token_reuse/);
    expect(body?.blocks?.[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    // No emails or tokens leave in the webhook.
    expect(JSON.stringify(body)).not.toMatch(/@example\.com|refresh_token/);
  });

  it("retries the webhook with backoff when the receiver fails, then delivers once", async () => {
    receiver.statuses.push(503);
    const target = await register(ctx.app, "promoted@example.com");
    const res = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/admin/users/${target.user.id}`,
      token: admin.access_token,
      payload: { role: "admin" },
    });
    expect(res.status).toBe(200);
    expect((await alerts()).map((a) => a.details.kind)).toEqual(["admin_role_change"]);
    await receiver.received(1);
    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.statuses).toEqual([]);
    expect(receiver.bodies[0]?.text).toMatch(/admin_role_change.*from student to admin/);
  });

  it("a role change that does not involve admin raises nothing", async () => {
    const target = await register(ctx.app, "writer@example.com");
    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/admin/users/${target.user.id}`,
      token: admin.access_token,
      payload: { role: "creator" },
    });
    expect(await alerts()).toEqual([]);
  });

  it("lockouts of many accounts from one client raise one alert", async () => {
    for (const email of ["l1@example.com", "l2@example.com", "l3@example.com"]) {
      await register(ctx.app, email);
      let status = 401;
      while (status === 401) {
        status = (
          await call(ctx.app, {
            method: "POST",
            url: "/api/v1/auth/login",
            payload: { email, password: "wrong password!" },
          })
        ).status;
      }
      expect(status).toBe(429);
    }
    // The threshold is 2 accounts: reached at the second lockout, not raised again at the third.
    const listed = await alerts();
    expect(listed.map((a) => a.details.kind)).toEqual(["lockout_burst"]);
    expect(listed[0]?.details.summary).toMatch(/2 accounts locked out from one client/);
    // A correct password still works elsewhere: the alert changed nothing for other accounts.
    await register(ctx.app, "fine@example.com");
    expect((await login(ctx.app, "fine@example.com", STRONG_PASSWORD)).status).toBe(200);
  });

  it("a refund above ALERT_REFUND_THRESHOLD_CENTS alerts the admins", async () => {
    const creator = await userWithRole(ctx, "maker@example.com", "creator");
    const course = await buildCourse(ctx, creator, { title: "Paid course", paid: true });
    const buyer = await register(ctx.app, "buyer@example.com");
    const { session_id } = (await checkout(ctx, buyer, { kind: "course", course_id: course.courseId })).body.data;
    const paid = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/payments/test-checkout/${session_id}/pay`,
      token: buyer.access_token,
      payload: { card_number: "4242424242424242" },
    });
    expect(paid.status).toBe(200);
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
    const listed = await alerts();
    expect(listed.map((a) => a.details.kind)).toEqual(["large_refund"]);
    expect(listed[0]?.details.summary).toMatch(/Refund of 19\.00 USD/);
  });
});
