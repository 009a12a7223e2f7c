import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MailMessage, MailTransport } from "../src/modules/mail/mail-transport.js";
import { createTestContext, type TestContext } from "./helpers.js";

/** A mail server stand-in that records what it is given and refuses while `down` (the SMTP adapter is tested
 * against a real SMTP server in mail.int.test.ts; here the subject is the job wiring). */
function recordingTransport() {
  const sent: MailMessage[] = [];
  const state = { down: false };
  const transport: MailTransport = {
    kind: "smtp",
    async send(message) {
      if (state.down) throw new Error("451 try again later");
      sent.push(message);
    },
    close() {},
  };
  return { transport, sent, state };
}

let ctx: TestContext;
const mail = recordingTransport();
beforeAll(async () => {
  ctx = await createTestContext({ mailTransport: mail.transport });
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  mail.state.down = false;
  await ctx.reset();
  mail.sent.length = 0;
});

const rows = async () =>
  (
    await execRows<{ id: string; attempts: number; sent_at: string | null }>(
      ctx.database.db,
      sql`select id, attempts, sent_at from mail_outbox`,
    )
  ).rows;

describe("mail delivery as jobs", () => {
  it("delivers each stored message through a mail.deliver job", async () => {
    await ctx.app.mail.enqueue({ to: "a@example.com", subject: "Hello", text: "Hi" });
    await ctx.app.jobs.idle();
    expect(mail.sent.map((m) => m.to)).toEqual(["a@example.com"]);
    expect((await rows())[0]?.sent_at).not.toBeNull();
    expect((await ctx.app.jobs.overview()).counts.completed).toBeGreaterThanOrEqual(1);
  });

  it("sends a message once however many delivery jobs run for it", async () => {
    await ctx.app.mail.enqueue({ to: "once@example.com", subject: "Once", text: "x" });
    await ctx.app.jobs.idle();
    const [row] = await rows();
    for (let i = 0; i < 3; i++) {
      await ctx.app.jobs.enqueue("mail.deliver", { mailId: row?.id as string }, { jobId: `dup-${i}` });
    }
    await ctx.app.jobs.idle();
    expect(mail.sent).toHaveLength(1);
  });

  it("retries through the sweep, and after the last attempt leaves a dead letter an admin can retry", async () => {
    mail.state.down = true;
    await ctx.app.mail.enqueue({ to: "late@example.com", subject: "Late", text: "x" });
    await ctx.app.jobs.idle();
    expect((await rows())[0]?.attempts).toBe(1);
    // Each retry made due at once instead of after its backoff; the sweep turns it into a new job.
    for (let attempt = 2; attempt <= 8; attempt++) {
      await ctx.database.db.execute(sql`update mail_outbox set next_attempt_at = now()`);
      expect(await ctx.app.mail.sweep()).toBe(1);
      await ctx.app.jobs.idle();
      expect((await rows())[0]?.attempts).toBe(attempt);
    }
    // Given up: the sweep leaves it alone, and its last job is a dead letter.
    expect(await ctx.app.mail.sweep()).toBe(0);
    const { failed } = await ctx.app.jobs.overview();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ name: "mail.deliver" });
    expect(failed[0]?.error).toMatch(/not delivered after 8 attempts: 451/);

    mail.state.down = false;
    expect(await ctx.app.jobs.retry(failed[0]?.id as string)).toBe(true);
    await ctx.app.jobs.idle();
    expect(mail.sent.map((m) => m.to)).toEqual(["late@example.com"]);
    expect((await rows())[0]?.sent_at).not.toBeNull();
  });
});

describe("cleanup job", () => {
  it("deletes expired sessions, tokens and failures and old sent mail, and keeps live rows", async () => {
    const db = ctx.database.db;
    const [user] = (
      await execRows<{ id: string }>(
        db,
        sql`insert into users (email, password_hash, full_name) values ('c@example.com', 'x', 'C') returning id`,
      )
    ).rows;
    const uid = user?.id as string;
    await db.execute(sql`insert into auth_sessions (user_id, expires_at) values
      (${uid}, now() - interval '40 days'), (${uid}, now() + interval '1 day')`);
    await db.execute(sql`insert into mail_outbox (to_address, subject, body, sent_at) values
      ('old@example.com', 's', 'b', now() - interval '40 days'), ('new@example.com', 's', 'b', now())`);
    await ctx.app.jobs.enqueue("maintenance.cleanup", {});
    await ctx.app.jobs.idle();
    const sessions = await execRows<{ n: number }>(db, sql`select count(*)::int as n from auth_sessions`);
    expect(sessions.rows[0]?.n).toBe(1);
    const mails = await execRows<{ to_address: string }>(db, sql`select to_address from mail_outbox`);
    expect(mails.rows.map((r) => r.to_address)).toEqual(["new@example.com"]);
  });
});
