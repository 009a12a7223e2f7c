import { Writable } from "node:stream";
import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport, type MailTransport } from "../src/modules/mail/mail-transport.js";
import { call, createTestContext, outbox, register, STRONG_PASSWORD, type TestContext } from "./helpers.js";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on loopback (the smtp-server package), optionally refusing the first N messages. */
async function startSmtp(opts: { failFirst?: number } = {}) {
  const received: Received[] = [];
  let refusals = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => {
        data += c.toString("utf8");
      });
      stream.on("end", () => {
        if (refusals > 0) {
          refusals--;
          const err = Object.assign(new Error("mailbox temporarily unavailable"), { responseCode: 451 });
          return callback(err);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("mail over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext({ mailTransport: createSmtpTransport(smtp.url) });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it("delivers the verification email through the SMTP server", async () => {
    await register(ctx.app, "smtp@example.com");
    await ctx.app.mail.flush();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(["smtp@example.com"]);
    expect(smtp.received[0]?.from).toBe("no-reply@lumen.test");
    expect(smtp.received[0]?.data).toMatch(/Subject: Confirm your email/);
    expect(smtp.received[0]?.data.replace(/=\r?\n/g, "")).toMatch(/verify-email\?token=3D[A-Za-z0-9_-]{43}/);
  });
});

describe("mail failures", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtp({ failFirst: 1 });
    ctx = await createTestContext({ mailTransport: createSmtpTransport(smtp.url) });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it("never fail the request, and the message is retried until delivered", async () => {
    const res = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email: "retry@example.com", password: STRONG_PASSWORD, full_name: "R" },
    });
    expect(res.status).toBe(201);
    await ctx.app.mail.flush();
    expect(smtp.received).toHaveLength(0);
    const pending = await execRows<{ attempts: number; last_error: string }>(
      ctx.database.db,
      sql`select attempts, last_error from mail_outbox`,
    );
    expect(pending.rows[0]?.attempts).toBe(1);
    expect(pending.rows[0]?.last_error).toMatch(/451|unavailable/);
    // Make the retry due now instead of waiting for the backoff.
    await ctx.database.db.execute(sql`update mail_outbox set next_attempt_at = now()`);
    await ctx.app.mail.flush();
    expect(smtp.received).toHaveLength(1);
    const sent = await execRows<{ sent_at: string | null }>(ctx.database.db, sql`select sent_at from mail_outbox`);
    expect(sent.rows[0]?.sent_at).not.toBeNull();
  });

  it("keep the message when the SMTP server is down, and store its body encrypted", async () => {
    const down: MailTransport = createSmtpTransport("smtp://127.0.0.1:1");
    const c2 = await createTestContext({ mailTransport: down });
    try {
      const res = await call(c2.app, {
        method: "POST",
        url: "/api/v1/auth/register",
        payload: { email: "down@example.com", password: STRONG_PASSWORD, full_name: "D" },
      });
      expect(res.status).toBe(201);
      await c2.app.mail.flush();
      const rows = await execRows<{ body: string; sent_at: string | null; attempts: number }>(
        c2.database.db,
        sql`select body, sent_at, attempts from mail_outbox`,
      );
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]?.sent_at).toBeNull();
      expect(rows.rows[0]?.attempts).toBe(1);
      expect(rows.rows[0]?.body).not.toContain("token=");
    } finally {
      await c2.close();
    }
  });
});

describe("mail without SMTP", () => {
  let ctx: TestContext;
  const lines: string[] = [];
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => ctx?.close());
  afterEach(() => {
    lines.length = 0;
  });

  it("writes RFC 5322 .eml files to DATA_DIR/outbox", async () => {
    await register(ctx.app, "file@example.com");
    const mails = await outbox(ctx);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.raw).toMatch(/^Message-ID: /m);
    expect(mails[0]?.raw).toMatch(/^Date: /m);
    expect(mails[0]?.raw).toMatch(/^From: Lumen <no-reply@lumen.test>/m);
    expect(mails[0]?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is logged with its link, while request logs never contain passwords or tokens", async () => {
    const { buildApp } = await import("../src/app.js");
    const { createFileTransport } = await import("../src/modules/mail/mail-transport.js");
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = await buildApp({
      config: { ...ctx.config, logLevel: "info" },
      database: ctx.database,
      mailTransport: createFileTransport(ctx.outboxDir),
      logStream: stream,
    });
    const reg = await app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email: "logs@example.com", password: "my very secret passphrase", full_name: "L" },
    });
    const { refresh_token, access_token } = reg.json().data;
    await app.inject({ method: "POST", url: "/api/v1/auth/refresh", payload: { refresh_token } });
    await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${access_token}` } });
    await app.inject({
      method: "GET",
      url: "/api/v1/auth/verify-email?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    });
    await app.mail.flush();
    await app.close();
    const requestLogs = lines.filter((l) => !l.includes("mail written to outbox"));
    const all = requestLogs.join("\n");
    expect(all).toContain("reqId");
    expect(all).not.toContain("my very secret passphrase");
    expect(all).not.toContain(refresh_token);
    expect(all).not.toContain(access_token);
    expect(all).not.toContain("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
    const mailLog = lines.find((l) => l.includes("mail written to outbox"));
    expect(mailLog).toMatch(/verify-email\?token=/);
  });
});
