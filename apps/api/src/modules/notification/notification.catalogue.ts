import type { NotificationKind } from "@lumen/contracts";

/** What each kind's event carries (a snapshot for display, taken when the event happened). */
export interface NotificationData {
  "lesson.published": { course_id: string; course_title: string; lesson_id: string; lesson_title: string };
  "certificate.earned": { course_id: string; course_title: string; certificate_id: string };
  "review.reply": { course_id: string; course_title: string; review_id: string };
  "course.unpublished": { course_id: string; course_title: string; reason: string | null };
  "payment.succeeded": { what: string; amount: number; currency: string; course_id: string | null };
  "payment.failed": { what: string; amount: number; currency: string; course_id: string | null };
  "payment.refunded": { what: string; amount: number; currency: string; course_id: string | null };
}
export type AnyNotificationData = NotificationData[NotificationKind];

/** The weekly progress email: a preference (email only, opt-in), not an in-app kind. */
export const WEEKLY_KIND = "weekly.progress";

export interface KindInfo {
  label: string;
  defaults: { inApp: boolean; email: boolean };
  /** False: this kind sends no notification email (billing always mails the receipt or failure notice itself). */
  emailAvailable: boolean;
}

/** The defaults are documented on NOTIFICATION_KINDS in packages/contracts (and in the README). */
export const KINDS: Record<NotificationKind, KindInfo> = {
  "lesson.published": {
    label: "New lessons in your courses",
    defaults: { inApp: true, email: false },
    emailAvailable: true,
  },
  "certificate.earned": {
    label: "Certificates you earn",
    defaults: { inApp: true, email: true },
    emailAvailable: true,
  },
  "review.reply": { label: "Replies to your reviews", defaults: { inApp: true, email: false }, emailAvailable: true },
  "course.unpublished": {
    label: "Your courses taken down by moderation",
    defaults: { inApp: true, email: true },
    emailAvailable: true,
  },
  "payment.succeeded": { label: "Successful payments", defaults: { inApp: true, email: false }, emailAvailable: false },
  "payment.failed": { label: "Failed payments", defaults: { inApp: true, email: false }, emailAvailable: false },
  "payment.refunded": { label: "Refunds", defaults: { inApp: true, email: true }, emailAvailable: true },
};
export const WEEKLY_LABEL = "Weekly progress email";

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);

export interface Rendered {
  title: string;
  body: string;
  /** A path in the web app. */
  link: string | null;
}

/** The words and the page of a notification, from its kind and snapshot (the same for the bell and the email). */
export function render(kind: NotificationKind, raw: Record<string, unknown>): Rendered {
  const s = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const n = (k: string) => (typeof raw[k] === "number" ? (raw[k] as number) : 0);
  switch (kind) {
    case "lesson.published":
      return {
        title: `New lesson in ${s("course_title")}`,
        body: `“${s("lesson_title")}” is ready to watch.`,
        link: `/learn/${s("course_id")}/${s("lesson_id")}`,
      };
    case "certificate.earned":
      return {
        title: "You earned a certificate",
        body: `Congratulations on completing ${s("course_title")}.`,
        link: `/courses/${s("course_id")}`,
      };
    case "review.reply":
      return {
        title: `The creator replied to your review`,
        body: `Your review of ${s("course_title")} has a reply.`,
        link: `/courses/${s("course_id")}#reviews`,
      };
    case "course.unpublished": {
      const reason = s("reason");
      return {
        title: `${s("course_title")} was unpublished`,
        body: reason ? `A moderator took the course down: ${reason}` : "A moderator took the course down.",
        link: `/studio/courses/${s("course_id")}`,
      };
    }
    case "payment.succeeded":
      return {
        title: "Payment received",
        body: `${money(n("amount"), s("currency") || "usd")} for ${s("what")}.`,
        link: s("course_id") ? `/courses/${s("course_id")}` : "/account/billing",
      };
    case "payment.failed":
      return {
        title: "Payment failed",
        body: `We could not take ${money(n("amount"), s("currency") || "usd")} for ${s("what")}.`,
        link: "/account/billing",
      };
    case "payment.refunded":
      return {
        title: "Refund issued",
        body: `${money(n("amount"), s("currency") || "usd")} for ${s("what")} is on its way back to you.`,
        link: "/account/billing",
      };
  }
}
