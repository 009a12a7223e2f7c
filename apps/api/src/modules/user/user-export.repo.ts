import {
  aiConversations,
  aiMessages,
  analyticsEvents,
  authSessions,
  certificates,
  courses,
  type Executor,
  enrollments,
  invoices,
  lessonNotes,
  notificationPreferences,
  notifications,
  progress,
  purchases,
  quizAttempts,
  recallCards,
  recallReviews,
  recallSessions,
  reviews,
  securityEvents,
  subscriptions,
} from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import { describeDevice } from "../auth/device.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** camelCase row → snake_case JSON with ISO dates, leaving out the named columns. */
function plain(row: Record<string, unknown>, omit: readonly string[] = []): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(row)) {
    if (omit.includes(key)) continue;
    const name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    out[name] = value instanceof Date ? value.toISOString() : (value as Json);
  }
  return out;
}

/**
 * Everything held about one person, as they would recognise it: their account (without the password hash or
 * internal counters), learning, tutor conversations, payments, devices and the kinds of security events on their
 * account (without the addresses, which may be an admin's). Read in one repeatable-read snapshot.
 */
export function createUserExport(db: Executor) {
  return {
    async collect(userId: string): Promise<Record<string, Json>> {
      return db.transaction(
        async (tx) => {
          const byUser = <T extends { userId: unknown }>(table: T) => eq(table.userId as never, userId);
          const [
            enrolled,
            progressRows,
            attempts,
            reviewRows,
            replyRows,
            noteRows,
            certificateRows,
            cards,
            cardReviews,
            reviewSessions,
            notificationRows,
            preferenceRows,
            conversations,
            messages,
            events,
            purchaseRows,
            subscriptionRows,
            invoiceRows,
            sessions,
            security,
            created,
          ] = await Promise.all([
            tx.select().from(enrollments).where(byUser(enrollments)).orderBy(asc(enrollments.createdAt)),
            tx.select().from(progress).where(byUser(progress)).orderBy(asc(progress.startedAt)),
            tx.select().from(quizAttempts).where(byUser(quizAttempts)).orderBy(asc(quizAttempts.createdAt)),
            tx.select().from(reviews).where(byUser(reviews)).orderBy(asc(reviews.createdAt)),
            // The replies they wrote, as a course's creator or an admin, to other people's reviews.
            tx
              .select({
                reviewId: reviews.id,
                courseId: reviews.courseId,
                body: reviews.replyBody,
                repliedAt: reviews.repliedAt,
                updatedAt: reviews.replyUpdatedAt,
              })
              .from(reviews)
              .where(eq(reviews.replyUserId, userId))
              .orderBy(asc(reviews.repliedAt)),
            tx.select().from(lessonNotes).where(byUser(lessonNotes)).orderBy(asc(lessonNotes.createdAt)),
            tx.select().from(certificates).where(byUser(certificates)).orderBy(asc(certificates.issuedAt)),
            tx.select().from(recallCards).where(byUser(recallCards)).orderBy(asc(recallCards.createdAt)),
            tx.select().from(recallReviews).where(byUser(recallReviews)).orderBy(asc(recallReviews.reviewedAt)),
            tx.select().from(recallSessions).where(byUser(recallSessions)).orderBy(asc(recallSessions.day)),
            tx.select().from(notifications).where(byUser(notifications)).orderBy(asc(notifications.createdAt)),
            tx
              .select()
              .from(notificationPreferences)
              .where(byUser(notificationPreferences))
              .orderBy(asc(notificationPreferences.kind)),
            tx.select().from(aiConversations).where(byUser(aiConversations)).orderBy(asc(aiConversations.createdAt)),
            tx.select().from(aiMessages).where(byUser(aiMessages)).orderBy(asc(aiMessages.createdAt)),
            tx.select().from(analyticsEvents).where(byUser(analyticsEvents)).orderBy(asc(analyticsEvents.createdAt)),
            tx.select().from(purchases).where(byUser(purchases)).orderBy(asc(purchases.createdAt)),
            tx.select().from(subscriptions).where(byUser(subscriptions)).orderBy(asc(subscriptions.createdAt)),
            tx.select().from(invoices).where(byUser(invoices)).orderBy(asc(invoices.createdAt)),
            tx.select().from(authSessions).where(byUser(authSessions)).orderBy(asc(authSessions.createdAt)),
            tx
              .select({ type: securityEvents.type, createdAt: securityEvents.createdAt })
              .from(securityEvents)
              .where(eq(securityEvents.userId, userId))
              .orderBy(asc(securityEvents.createdAt)),
            tx
              .select({ id: courses.id, title: courses.title, status: courses.status, createdAt: courses.createdAt })
              .from(courses)
              .where(eq(courses.creatorId, userId))
              .orderBy(asc(courses.createdAt)),
          ]);
          return {
            enrollments: enrolled.map((r) => plain(r, ["userId"])),
            progress: progressRows.map((r) => plain(r, ["userId", "creditAt", "creditBalance", "lastRewatch"])),
            quiz_attempts: attempts.map((r) => plain(r, ["userId"])),
            reviews: reviewRows.map((r) => plain(r, ["userId"])),
            review_replies: replyRows.map((r) => plain(r)),
            notes: noteRows.map((r) => plain(r, ["userId"])),
            certificates: certificateRows.map((r) => plain(r, ["userId"])),
            review_cards: cards.map((r) => plain(r, ["userId"])),
            card_reviews: cardReviews.map((r) => plain(r, ["userId"])),
            daily_reviews: reviewSessions.map((r) => plain(r, ["userId"])),
            notifications: notificationRows.map((r) => plain(r, ["userId", "dedupeKey"])),
            notification_preferences: preferenceRows.map((r) => plain(r, ["userId"])),
            tutor_conversations: conversations.map((c) => ({
              ...plain(c, ["userId"]),
              messages: messages
                .filter((m) => m.conversationId === c.id)
                .map((m) => plain(m, ["userId", "conversationId"])),
            })),
            learning_events: events.map((r) => plain(r, ["userId"])),
            purchases: purchaseRows.map((r) => plain(r, ["userId", "checkoutSessionId", "paymentIntentId"])),
            subscriptions: subscriptionRows.map((r) => plain(r, ["userId", "providerSubscriptionId"])),
            invoices: invoiceRows.map((r) => plain(r, ["userId", "providerInvoiceId"])),
            sessions: sessions.map((s) => ({
              device: describeDevice(s.userAgent),
              created_at: s.createdAt.toISOString(),
              last_used_at: s.lastUsedAt.toISOString(),
              ended_at: s.revokedAt?.toISOString() ?? null,
            })),
            security_events: security.map((e) => plain(e)),
            courses_created: created.map((c) => plain(c)),
          };
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      );
    },
  };
}
export type UserExport = ReturnType<typeof createUserExport>;
