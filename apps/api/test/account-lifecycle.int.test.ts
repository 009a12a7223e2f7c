import { certificates, execRows, lessonNotes, notifications, progress, reviews } from "@lumen/db";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, fieldsOf, login, outbox, type Session, STRONG_PASSWORD } from "./helpers.js";

type User = {
  id: string;
  email: string;
  full_name: string;
  email_verified: boolean;
  profile: Record<string, unknown>;
  subscription: { status: string | null };
};

let ctx: TestApp;
beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => ctx.reset());

const me = (token: string) => call<{ user: User }>(ctx.app, { method: "GET", url: "/api/v1/auth/me", token });

async function eventTypes(userId: string): Promise<string[]> {
  const { rows } = await execRows<{ type: string }>(
    ctx.database.db,
    sql`select type from security_events where user_id = ${userId} order by created_at`,
  );
  return rows.map((r) => r.type);
}

describe("POST /auth/email and /auth/email/confirm", () => {
  const requestChange = (who: Session, new_email: string, current_password = STRONG_PASSWORD) =>
    call<{ pending_email: string }>(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/email",
      token: who.access_token,
      payload: { current_password, new_email },
    });
  const confirm = (who: Session, token: string) =>
    call<{ user: User }>(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/email/confirm",
      token: who.access_token,
      payload: { token },
    });
  const linkTo = async (address: string) => {
    const mail = (await outbox(ctx)).filter((m) => m.to.toLowerCase() === address.toLowerCase());
    const token = mail.at(-1)?.token;
    if (!token) throw new Error(`no link mailed to ${address}`);
    return token;
  };

  it("applies only when the mailed link is opened, tells the old address and signs other devices out", async () => {
    const ada = await ctx.people.learner("ada@old.test", { fullName: "Ada", verified: true });
    const laptop = (await login(ctx.app, "ada@old.test")).body.data;

    const asked = await requestChange(ada, "Ada@New.test");
    expect(asked.status).toBe(200);
    expect(asked.body.data.pending_email).toBe("Ada@New.test");
    // Nothing changed yet: the old address still signs in, the new one doesn't.
    expect((await me(ada.access_token)).body.data.user.email).toBe("ada@old.test");
    expect((await login(ctx.app, "ada@new.test")).status).toBe(401);
    const mail = (await outbox(ctx)).find((m) => m.to.toLowerCase() === "ada@new.test");
    expect(mail?.subject).toBe("Confirm your new email for Lumen");
    expect(mail?.raw).not.toContain("Ada,");

    const done = await confirm(ada, await linkTo("Ada@New.test"));
    expect(done.status).toBe(200);
    expect(done.body.data.user).toMatchObject({ email: "Ada@New.test", email_verified: true });
    const notice = (await outbox(ctx)).find((m) => m.to === "ada@old.test" && m.subject.includes("was changed"));
    expect(notice?.raw).toContain("Ada@New.test");
    expect(notice?.raw).toContain("If this wasn't you");

    expect((await me(ada.access_token)).status).toBe(200);
    expect((await me(laptop.access_token)).status).toBe(401);
    expect((await login(ctx.app, "ada@old.test")).status).toBe(401);
    expect((await login(ctx.app, "ada@new.test")).status).toBe(200);
    expect(await eventTypes(ada.user.id)).toEqual(expect.arrayContaining(["email_change_requested", "email_changed"]));
  });

  it("refuses a wrong current password and sends nothing", async () => {
    const ada = await ctx.people.learner("ada@old.test");
    const r = await requestChange(ada, "ada@new.test", "not my password at all");
    expect(r.status).toBe(400);
    expect(fieldsOf(r.body).current_password).toEqual(["This is not your current password"]);
    expect((await outbox(ctx)).filter((m) => m.to === "ada@new.test")).toEqual([]);
  });

  it("refuses an address another account has (in any case) and the account's own", async () => {
    const ada = await ctx.people.learner("ada@old.test");
    await ctx.people.learner("grace@taken.test");
    const taken = await requestChange(ada, "GRACE@taken.test");
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken.body).new_email).toEqual(["An account with this email already exists"]);
    expect((await outbox(ctx)).filter((m) => m.to.toLowerCase() === "grace@taken.test")).toHaveLength(1); // sign-up only
    const same = await requestChange(ada, "ADA@old.test");
    expect(same.status).toBe(400);
    expect(fieldsOf(same.body).new_email).toEqual(["This is already your email address"]);
  });

  it("limits requests per account, so it is no faster a way to probe addresses than signing up", async () => {
    const ada = await ctx.people.learner("ada@old.test");
    await ctx.people.learner("grace@taken.test");
    for (let i = 0; i < 5; i++) expect((await requestChange(ada, "grace@taken.test")).status).toBe(409);
    const sixth = await requestChange(ada, "someone@else.test");
    expect(sixth.status).toBe(429);
    expect(sixth.body.error?.code).toBe("RATE_LIMITED");
  });

  it("refuses someone else's link without spending it, and a link used twice", async () => {
    const ada = await ctx.people.learner("ada@old.test");
    const mallory = await ctx.people.learner("mallory@evil.test");
    await requestChange(ada, "ada@new.test");
    const token = await linkTo("ada@new.test");

    const stolen = await confirm(mallory, token);
    expect(stolen.status).toBe(400);
    expect(fieldsOf(stolen.body).token).toEqual(["Invalid or expired token"]);
    expect((await me(mallory.access_token)).body.data.user.email).toBe("mallory@evil.test");

    expect((await confirm(ada, token)).status).toBe(200);
    const again = await confirm(ada, token);
    expect(again.status).toBe(400);
    expect((await me(ada.access_token)).body.data.user.email).toBe("ada@new.test");
  });

  it("a newer request replaces the older link, and an address taken in between is refused at confirmation", async () => {
    const ada = await ctx.people.learner("ada@old.test");
    await requestChange(ada, "first@new.test");
    const first = await linkTo("first@new.test");
    await requestChange(ada, "second@new.test");
    expect((await confirm(ada, first)).status).toBe(400);

    const second = await linkTo("second@new.test");
    await ctx.people.learner("second@new.test");
    const late = await confirm(ada, second);
    expect(late.status).toBe(409);
    expect((await me(ada.access_token)).body.data.user.email).toBe("ada@old.test");
  });

  it("needs a signed-in caller", async () => {
    const r = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/email",
      payload: { current_password: STRONG_PASSWORD, new_email: "x@y.test" },
    });
    expect(r.status).toBe(401);
  });
});

describe("DELETE /users/me", () => {
  const remove = (who: Session, password = STRONG_PASSWORD) =>
    call(ctx.app, { method: "DELETE", url: "/api/v1/users/me", token: who.access_token, payload: { password } });

  it("erases personal data, keeps anonymous learning rows, and makes signing in impossible", async () => {
    const creatorId = await ctx.make.user("Creator", { role: "creator" });
    const built = await ctx.make.courseWithLessons(creatorId, { lessons: [{ title: "One" }] });
    const ada = await ctx.people.learner("ada@gone.test", { fullName: "Ada Lovelace", verified: true });
    await call(ctx.app, {
      method: "PATCH",
      url: "/api/v1/users/me",
      token: ada.access_token,
      payload: { bio: "Analytical engines" },
    });
    await ctx.make.enrollment(ada.user.id, built.courseId);
    const lessonId = built.lessonIds[0] ?? "";
    await ctx.database.db
      .insert(progress)
      .values({ userId: ada.user.id, courseId: built.courseId, lessonId, isCompleted: true });
    await ctx.database.db
      .insert(reviews)
      .values({ userId: ada.user.id, courseId: built.courseId, rating: 5, body: "Clear and kind." });
    await ctx.database.db.insert(lessonNotes).values({
      userId: ada.user.id,
      courseId: built.courseId,
      lessonId,
      kind: "note",
      body: "My private thought",
      positionSeconds: 12,
    });
    await ctx.database.db.insert(certificates).values({
      userId: ada.user.id,
      courseId: built.courseId,
      code: "ADALOVELACE23456",
      learnerName: "Ada Lovelace",
      courseTitle: "Course",
      creatorName: "Creator",
    });
    await ctx.database.db
      .insert(notifications)
      .values({ userId: ada.user.id, kind: "certificate.earned", dedupeKey: "cert.ada", data: {} });
    const phone = (await login(ctx.app, "ada@gone.test")).body.data;

    const wrong = await remove(ada, "not my password at all");
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body).password).toEqual(["This is not your current password"]);
    expect((await me(ada.access_token)).status).toBe(200);

    const done = await remove(ada);
    expect(done.status).toBe(200);
    expect((await me(ada.access_token)).status).toBe(401);
    expect((await me(phone.access_token)).status).toBe(401);
    expect((await login(ctx.app, "ada@gone.test")).status).toBe(401);
    const refreshed = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: phone.refresh_token },
    });
    expect(refreshed.status).toBe(401);

    const { rows } = await execRows<{ email: string; full_name: string; profile: object; disabled: boolean }>(
      ctx.database.db,
      sql`select email, full_name, profile, disabled from users where id = ${ada.user.id}`,
    );
    expect(rows[0]).toEqual({
      email: `deleted-${ada.user.id}@deleted.invalid`,
      full_name: "Deleted learner",
      profile: {},
      disabled: true,
    });
    const kept = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select (select count(*) from progress where user_id = ${ada.user.id})::int
            + (select count(*) from enrollments where user_id = ${ada.user.id})::int as n`,
    );
    expect(Number(kept.rows[0]?.n)).toBe(2);
    const erased = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select (select count(*) from lesson_notes where user_id = ${ada.user.id})::int
            + (select count(*) from certificates where user_id = ${ada.user.id})::int
            + (select count(*) from notifications where user_id = ${ada.user.id})::int as n`,
    );
    expect(Number(erased.rows[0]?.n)).toBe(0);
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/certificates/ADALOVELACE23456" })).status).toBe(404);
    const listed = await call<{ items: Array<{ body: string; user: { full_name: string } }> }>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${built.courseId}/reviews`,
    });
    expect(listed.body.data.items).toEqual([
      expect.objectContaining({
        body: "Clear and kind.",
        user: expect.objectContaining({ full_name: "Deleted learner" }),
      }),
    ]);

    const farewell = (await outbox(ctx)).find((m) => m.to === "ada@gone.test" && m.subject.includes("deleted"));
    expect(farewell?.raw).toContain("Hi Ada Lovelace,");
    expect(await eventTypes(ada.user.id)).toContain("account_deleted");
    // The address is free again.
    expect(
      (
        await call(ctx.app, {
          method: "POST",
          url: "/api/v1/auth/register",
          payload: { email: "ada@gone.test", password: STRONG_PASSWORD, full_name: "New Ada" },
        })
      ).status,
    ).toBe(201);
  });

  it("cancels a running Premium subscription through the payment provider", async () => {
    const ada = await ctx.people.learner("ada@premium.test");
    const started = await call<{ session_id: string }>(ctx.app, {
      method: "POST",
      url: "/api/v1/payments/checkout",
      token: ada.access_token,
      payload: { kind: "premium", interval: "month" },
    });
    const paid = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/payments/test-checkout/${started.body.data.session_id}/pay`,
      token: ada.access_token,
      payload: { card_number: "4242424242424242" },
    });
    expect(paid.status).toBe(200);
    expect((await remove(ada)).status).toBe(200);
    const { rows } = await execRows<{ status: string; premium: boolean }>(
      ctx.database.db,
      sql`select s.status, u.premium_status as premium from subscriptions s join users u on u.id = s.user_id
          where s.user_id = ${ada.user.id}`,
    );
    expect(rows[0]).toEqual({ status: "canceled", premium: false });
  });

  it("refuses a creator with published courses, and the last admin, changing nothing", async () => {
    const creator = await ctx.people.creator("creator@lumen.test");
    await ctx.make.course(creator.user.id, { status: "published" });
    const refused = await remove(creator);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.details).toMatchObject({ reason: "published_courses", published_courses: 1 });
    expect(refused.body.error?.message).toContain("archive them");
    expect((await me(creator.access_token)).status).toBe(200);

    const admin = await ctx.people.admin("admin@lumen.test");
    const last = await remove(admin);
    expect(last.status).toBe(409);
    expect(last.body.error?.details).toMatchObject({ reason: "last_admin" });
    await ctx.people.admin("second-admin@lumen.test");
    expect((await remove(admin)).status).toBe(200);
  });
});

describe("PUT and DELETE /users/me/avatar", () => {
  /** A valid 1×1 PNG. */
  const PNG = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );
  const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
  const GIF = Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.alloc(64)]);

  async function put(who: Session, content: Buffer, filename: string, type = "image/png", field = "file") {
    const form = new FormData();
    form.append(field, new Blob([content], { type }), filename);
    const encoded = new Response(form);
    return call<{ user: User }>(ctx.app, {
      method: "PUT",
      url: "/api/v1/users/me/avatar",
      token: who.access_token,
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { "content-type": encoded.headers.get("content-type") ?? "" },
    });
  }
  const get = (url: string) => ctx.app.inject({ method: "GET", url });

  it("stores a PNG or JPEG, serves it publicly, deletes the one it replaces, and goes back to initials", async () => {
    const ada = await ctx.people.creator("ada@pics.test");
    const courseId = await ctx.make.course(ada.user.id, { status: "published" });
    await ctx.database.db.insert(reviews).values({ userId: ada.user.id, courseId, rating: 4, body: "Proud of it." });
    const first = await put(ada, PNG, "me.png");
    expect(first.status).toBe(200);
    const firstUrl = String(first.body.data.user.profile.avatar_url);
    expect(firstUrl).toMatch(/^\/api\/v1\/media\/[0-9a-f-]{36}$/);
    const served = await get(firstUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/webp");
    const instructor = await call<{ avatar_url: string | null }>(ctx.app, {
      method: "GET",
      url: `/api/v1/instructors/${ada.user.id}`,
    });
    expect(instructor.body.data.avatar_url).toBe(firstUrl);
    const listed = await call<{ items: Array<{ user: { avatar_url: string | null } }> }>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${courseId}/reviews`,
    });
    expect(listed.body.data.items[0]?.user.avatar_url).toBe(firstUrl);

    // A JPEG named .png: recognised from its bytes, and stored re-encoded like any other.
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a6" } })
      .jpeg()
      .toBuffer();
    const second = await put(ada, jpeg, "me.png", "image/png");
    expect(second.status).toBe(200);
    const secondUrl = String(second.body.data.user.profile.avatar_url);
    expect((await get(secondUrl)).headers["content-type"]).toBe("image/webp");
    expect((await get(firstUrl)).statusCode).toBe(404);

    const removed = await call<{ user: User }>(ctx.app, {
      method: "DELETE",
      url: "/api/v1/users/me/avatar",
      token: ada.access_token,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.data.user.profile.avatar_url).toBeUndefined();
    expect((await get(secondUrl)).statusCode).toBe(404);
  });

  it("keeps only the pixels: a centred square of at most 512 px as WebP, without EXIF, GPS or appended bytes", async () => {
    const ada = await ctx.people.learner("ada@pics.test");
    const secret = Buffer.from("<?php system($_GET['c']); ?>");
    const photo = Buffer.concat([
      await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#c84" } })
        .jpeg()
        .withExif({ IFD0: { Make: "PhoneCo", Copyright: "Ada's home" }, IFD3: { GPSLatitudeRef: "N" } })
        .toBuffer(),
      secret,
    ]);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const stored = await put(ada, photo, "holiday.jpg", "image/jpeg");
    expect(stored.status).toBe(200);
    const served = await get(String(stored.body.data.user.profile.avatar_url));
    expect(served.headers["content-type"]).toBe("image/webp");
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 512, height: 512 });
    expect(meta.exif).toBeUndefined();
    expect(served.rawPayload.includes(secret)).toBe(false);
    expect(served.rawPayload.includes(Buffer.from("PhoneCo"))).toBe(false);
    // A small picture is not blown up: a 1×1 PNG stays 1×1.
    const tiny = await put(ada, PNG, "dot.png");
    const tinyMeta = await sharp((await get(String(tiny.body.data.user.profile.avatar_url))).rawPayload).metadata();
    expect(tinyMeta).toMatchObject({ width: 1, height: 1 });
  });

  it("refuses a picture that cannot be decoded, keeping the one it has", async () => {
    const ada = await ctx.people.learner("ada@pics.test");
    const kept = String((await put(ada, PNG, "me.png")).body.data.user.profile.avatar_url);
    // JPEG's signature, then nothing a decoder can read.
    const broken = await put(ada, Buffer.concat([JPEG_HEAD, Buffer.alloc(200)]), "me.jpg", "image/jpeg");
    expect(broken.status).toBe(400);
    expect(broken.body.error?.code).toBe("VALIDATION_ERROR");
    expect(broken.body.error?.message).toContain("could not be read");
    expect((await me(ada.access_token)).body.data.user.profile.avatar_url).toBe(kept);
    const { rows } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from media_assets where owner_id = ${ada.user.id}`,
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it("refuses a forged, a GIF, an SVG or an oversized picture, keeping the one it has", async () => {
    const ada = await ctx.people.learner("ada@pics.test");
    const kept = String((await put(ada, PNG, "me.png")).body.data.user.profile.avatar_url);

    const forged = await put(ada, Buffer.from("<?php echo 'hi'; ?>".repeat(10)), "me.png", "image/png");
    expect(forged.status).toBe(415);
    expect(forged.body.error?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const gif = await put(ada, GIF, "me.gif", "image/gif");
    expect(gif.status).toBe(415);
    expect(gif.body.error?.message).toContain("PNG, JPEG or WebP");
    const svg = await put(
      ada,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      "a.svg",
    );
    expect(svg.status).toBe(415);
    const huge = await put(ada, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), "huge.png");
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe("PAYLOAD_TOO_LARGE");
    const wrongField = await put(ada, PNG, "me.png", "image/png", "picture");
    expect(wrongField.status).toBe(400);

    expect((await me(ada.access_token)).body.data.user.profile.avatar_url).toBe(kept);
    const { rows } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from media_assets where owner_id = ${ada.user.id}`,
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it("needs a signed-in caller, and the avatar goes with a deleted account", async () => {
    const anonymous = await ctx.app.inject({ method: "DELETE", url: "/api/v1/users/me/avatar" });
    expect(anonymous.statusCode).toBe(401);
    const ada = await ctx.people.learner("ada@pics.test");
    const url = String((await put(ada, PNG, "me.png")).body.data.user.profile.avatar_url);
    const deleted = await call(ctx.app, {
      method: "DELETE",
      url: "/api/v1/users/me",
      token: ada.access_token,
      payload: { password: STRONG_PASSWORD },
    });
    expect(deleted.status).toBe(200);
    expect((await get(url)).statusCode).toBe(404);
  });
});
