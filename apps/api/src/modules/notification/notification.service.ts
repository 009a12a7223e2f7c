import {
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  type UnsubscribeResult,
} from "@lumen/contracts";
import type { TimeCursor } from "../../lib/cursor.js";
import { encodeCursor } from "../../lib/cursor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { JobQueue } from "../jobs/jobs.js";
import type { MailService } from "../mail/mail.service.js";
import type { MailMessage } from "../mail/mail-transport.js";
import {
  type AnyNotificationData,
  KINDS,
  type NotificationData,
  render,
  WEEKLY_KIND,
  WEEKLY_LABEL,
} from "./notification.catalogue.js";
import type { NotificationRepo, NotificationRow, PreferenceRow, Recipient } from "./notification.repo.js";
import type { UnsubscribableKind, UnsubscribeTokens } from "./notification.token.js";

/** Recipients handled per step of a fan-out: one preference read, one insert, then their emails. */
export const FANOUT_BATCH = 200;
export const WEEK_MS = 7 * 24 * 60 * 60_000;

type Channels = { inApp: boolean; email: boolean };

/** A user's effective channels for a kind: their saved row, else the kind's defaults. */
function channelsOf(kind: NotificationKind, row: PreferenceRow | undefined): Channels {
  const info = KINDS[kind];
  const chosen = row ? { inApp: row.inApp, email: row.email } : info.defaults;
  return { inApp: chosen.inApp, email: chosen.email && info.emailAvailable };
}

function present(row: NotificationRow): Notification {
  const kind = row.kind as NotificationKind;
  const { title, body, link } = render(kind, row.data);
  return { id: row.id, kind, title, body, link, read: row.readAt !== null, created_at: row.createdAt.toISOString() };
}

/**
 * Notifications: events become jobs (`notify` never writes or mails inside the caller's request), and the jobs
 * write in-app rows and outbox mail per each recipient's preferences. Every event has a dedupe key: the in-app row
 * is unique per (user, key) and the mail is stored once per (key, address), so a job that runs again after a crash
 * or a retry notifies nobody twice.
 */
export function createNotificationService(deps: {
  repo: NotificationRepo;
  jobs: Pick<JobQueue, "enqueue" | "schedule">;
  mail: Pick<MailService, "enqueueOnce">;
  tokens: UnsubscribeTokens;
  appUrl: string;
}) {
  const { repo, jobs, mail, tokens, appUrl } = deps;

  function email(to: Recipient, kind: UnsubscribableKind, subject: string, text: string, key: string) {
    const unsubscribe = `${appUrl}/notifications/unsubscribe?token=${tokens.sign(to.id, kind)}`;
    const label = kind === WEEKLY_KIND ? WEEKLY_LABEL : KINDS[kind].label;
    const message: MailMessage = {
      to: to.email,
      subject,
      text: `Hi ${to.fullName},\n\n${text}\n\n— The Lumen team\n\nYou get this email for “${label}”. Turn these emails off with one click:\n${unsubscribe}\n`,
    };
    return mail.enqueueOnce(message, `notification:${key}`);
  }

  /** Writes one event to a batch of recipients, each per their preferences. */
  async function deliverBatch(
    userIds: string[],
    kind: NotificationKind,
    key: string,
    data: AnyNotificationData,
  ): Promise<void> {
    const prefs = new Map((await repo.preferences(userIds, [kind])).map((p) => [p.userId, p]));
    const people = await repo.recipients(userIds);
    const wanted = people.map((p) => ({ person: p, channels: channelsOf(kind, prefs.get(p.id)) }));
    await repo.insertMany(
      wanted
        .filter((w) => w.channels.inApp)
        .map((w) => ({ userId: w.person.id, kind, dedupeKey: key, data: { ...data } })),
    );
    const { title, body, link } = render(kind, data);
    for (const w of wanted) {
      // Only a proven address gets notification mail: nobody can have Lumen write to someone else's inbox.
      if (!w.channels.email || !w.person.emailVerified) continue;
      await email(w.person, kind, title, `${body}${link ? `\n\n${appUrl}${link}` : ""}`, key);
    }
  }

  async function preferences(userId: string): Promise<NotificationPreferences> {
    const rows = await repo.preferences([userId], [...NOTIFICATION_KINDS, WEEKLY_KIND]);
    const byKind = new Map(rows.map((r) => [r.kind, r]));
    return {
      kinds: NOTIFICATION_KINDS.map((kind) => {
        const c = channelsOf(kind, byKind.get(kind));
        return {
          kind,
          label: KINDS[kind].label,
          in_app: c.inApp,
          email: c.email,
          email_available: KINDS[kind].emailAvailable,
        };
      }),
      weekly_progress_email: byKind.get(WEEKLY_KIND)?.email ?? false,
    };
  }

  return {
    /**
     * Notifies one user of an event (the entry point for other modules, e.g. certificates): enqueues a job and
     * returns. `key` names the event; the same key for the same user never notifies twice.
     */
    async notify<K extends NotificationKind>(
      userId: string,
      kind: K,
      data: NotificationData[K],
      key: string,
    ): Promise<void> {
      await jobs.enqueue(
        "notification.deliver",
        { userId, kind, key: `${kind}.${key}`, data },
        { jobId: `notification.${kind}.${key}.${userId}` },
      );
    },

    /** A lesson was added to a published course: one job fans it out to the course's learners. */
    async lessonPublished(lessonId: string): Promise<void> {
      await jobs.enqueue(
        "notification.lesson_published",
        { lessonId },
        { jobId: `notification.lesson_published.${lessonId}` },
      );
    },

    /** The `notification.deliver` job. */
    async deliver(p: { userId: string; kind: NotificationKind; key: string; data: AnyNotificationData }) {
      await deliverBatch([p.userId], p.kind, p.key, p.data);
    },

    /** The `notification.lesson_published` job: reads the lesson as it is now, then every learner in batches. */
    async fanOutLesson(lessonId: string): Promise<number> {
      const lesson = await repo.lessonWithCourse(lessonId);
      if (lesson?.courseStatus !== "published") return 0;
      const data: NotificationData["lesson.published"] = {
        course_id: lesson.courseId,
        course_title: lesson.courseTitle,
        lesson_id: lesson.lessonId,
        lesson_title: lesson.lessonTitle,
      };
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const batch = await repo.enrolledBatch(lesson.courseId, lesson.creatorId, after, FANOUT_BATCH);
        if (batch.length === 0) return total;
        await deliverBatch(batch, "lesson.published", `lesson.published.${lessonId}`, data);
        total += batch.length;
        after = batch.at(-1) ?? null;
      }
    },

    /** The weekly `notification.weekly_progress` job: one email per opted-in learner and week. */
    async weeklyProgress(now = new Date()): Promise<number> {
      const since = new Date(now.getTime() - WEEK_MS);
      const week = Math.floor(now.getTime() / WEEK_MS);
      let after: string | null = null;
      let sent = 0;
      for (;;) {
        const batch = await repo.optedInBatch(WEEKLY_KIND, after, FANOUT_BATCH);
        if (batch.length === 0) return sent;
        for (const person of await repo.recipients(batch)) {
          if (!person.emailVerified) continue;
          const summary = await repo.progressSummary(person.id, since);
          const lines = summary.courses.map((c) => `  ${c.title}: ${Math.round(c.percentage)}% done`);
          const text = [
            `This week you completed ${summary.completedThisWeek} lesson${summary.completedThisWeek === 1 ? "" : "s"}.`,
            lines.length ? `Where you stand:\n${lines.join("\n")}` : "You are not enrolled in a course yet.",
            `Pick up where you left off: ${appUrl}/dashboard`,
          ].join("\n\n");
          if (await email(person, WEEKLY_KIND, "Your week on Lumen", text, `weekly.${week}`)) sent++;
        }
        after = batch.at(-1) ?? null;
      }
    },

    /** Starts the weekly progress email's schedule. */
    startSchedule: () => jobs.schedule("notification.weekly_progress", {}, WEEK_MS),

    async list(auth: AuthContext, query: { limit: number; after?: TimeCursor | undefined }): Promise<NotificationPage> {
      const [rows, unread] = await Promise.all([
        repo.page(auth.userId, query.limit + 1, query.after),
        repo.unreadCount(auth.userId),
      ]);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map(present),
        next_cursor:
          rows.length > query.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
        unread_count: unread,
      };
    },

    async read(auth: AuthContext, id: string): Promise<Notification> {
      const row = await repo.markRead(auth.userId, id);
      if (!row) throw notFound("Notification");
      return present(row);
    },

    async readAll(auth: AuthContext) {
      const updated = await repo.markAllRead(auth.userId);
      return { updated, unread_count: await repo.unreadCount(auth.userId) };
    },

    preferences,

    async updatePreferences(auth: AuthContext, input: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
      const current = await preferences(auth.userId);
      const rows: Array<{ userId: string; kind: string; inApp: boolean; email: boolean }> = [];
      for (const change of input.kinds ?? []) {
        const now = current.kinds.find((k) => k.kind === change.kind);
        if (!now) continue;
        if (change.email === true && !KINDS[change.kind].emailAvailable) {
          throw new AppError("VALIDATION_ERROR", "This kind sends no notification email", {
            fields: { kinds: [`${change.kind}: its email is the receipt billing always sends`] },
          });
        }
        now.in_app = change.in_app ?? now.in_app;
        now.email = change.email ?? now.email;
        rows.push({ userId: auth.userId, kind: change.kind, inApp: now.in_app, email: now.email });
      }
      if (input.weekly_progress_email !== undefined) {
        rows.push({ userId: auth.userId, kind: WEEKLY_KIND, inApp: false, email: input.weekly_progress_email });
      }
      await repo.savePreferences(rows);
      return preferences(auth.userId);
    },

    /** One click from an email, no login: the signed token names the user and the kind whose email stops. */
    async unsubscribe(token: string): Promise<UnsubscribeResult> {
      const found = tokens.verify(token);
      const person = found ? (await repo.recipients([found.userId]))[0] : undefined;
      if (!found || !person) {
        throw new AppError("VALIDATION_ERROR", "This unsubscribe link is not valid", {
          fields: { token: ["Invalid or altered unsubscribe link"] },
        });
      }
      if (found.kind === WEEKLY_KIND) {
        await repo.savePreferences([{ userId: found.userId, kind: WEEKLY_KIND, inApp: false, email: false }]);
        return { kind: WEEKLY_KIND, label: WEEKLY_LABEL };
      }
      const [row] = await repo.preferences([found.userId], [found.kind]);
      const inApp = channelsOf(found.kind, row).inApp;
      await repo.savePreferences([{ userId: found.userId, kind: found.kind, inApp, email: false }]);
      return { kind: found.kind, label: KINDS[found.kind].label };
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
/** What other modules get: the one call that turns an event into notifications. */
export type Notifier = Pick<NotificationService, "notify">;
