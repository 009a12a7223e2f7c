import type { Executor } from "@lumen/db";
import type { FastifyBaseLogger } from "fastify";
import type { FieldCipher } from "../../lib/crypto.js";
import type { CertificateService } from "../certificate/certificate.service.js";
import type { EnrollmentService } from "../enrollment/enrollment.service.js";
import type { MailService } from "../mail/mail.service.js";
import { paymentFailedEmail, purchaseReceiptEmail, subscriptionReceiptEmail } from "../mail/mail.templates.js";
import type { MailMessage } from "../mail/mail-transport.js";
import type { NotificationData } from "../notification/notification.catalogue.js";
import type { Notifier } from "../notification/notification.service.js";
import type { BillingEvent, CheckoutCompletion, PaymentProvider, SubscriptionState } from "./billing.provider.js";
import type { BillingRepo, PurchaseRow, SubscriptionRow } from "./billing.repo.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Premium opens paid courses while `active`/`trialing`, and in any other state until the paid period ends. */
export function premiumFromSubscription(s: Pick<SubscriptionRow, "status" | "currentPeriodEnd">, now = new Date()) {
  if (s.status === "active" || s.status === "trialing") return true;
  if (s.status === "incomplete" || s.status === "incomplete_expired") return false;
  return s.currentPeriodEnd !== null && s.currentPeriodEnd > now;
}

export type FulfilmentOutcome = "fulfilled" | "duplicate" | "unknown";
/** What a fulfilment step leaves for after the commit: mail to queue and steps to run. */
type AfterCommit = { mails: MailMessage[]; after: Array<() => Promise<void>> };
type PaymentKind = "payment.succeeded" | "payment.failed" | "payment.refunded";

/**
 * Everything that grants or takes back what was paid for. Stripe's webhook and the built-in test checkout both
 * come through here, so the two modes cannot drift apart. Each step runs in the caller's transaction; mail is
 * collected and queued after the commit (a rolled-back grant sends no receipt).
 */
export function createFulfilment(deps: {
  repo: BillingRepo;
  enrollments: Pick<EnrollmentService, "admit" | "close">;
  access: { userEntitled(userId: string, courseId: string): Promise<boolean> };
  mail: Pick<MailService, "enqueue">;
  /** A refund that closes the course also takes back the certificate earned in it. */
  certificates: Pick<CertificateService, "revokeForRefund">;
  cipher: FieldCipher;
  appUrl: string;
  log: FastifyBaseLogger;
  /** Told after the commit about each refund that moved money back (security alerts on large ones). */
  onRefund?: (refund: { purchaseId: string; userId: string; amount: number; currency: string }) => Promise<void>;
  /** The provider's refunds: an admin's, and a course paid twice. */
  refunds: Pick<PaymentProvider, "refund">;
  /** In-app (and, per preference, email) notifications of payment events; enqueued after the commit. */
  notifier?: Notifier;
}) {
  const { repo, enrollments, access, mail, certificates, cipher, appUrl, log } = deps;
  const billingLink = `${appUrl}/account/billing`;

  /** Queues a payment notification after the commit (a rolled-back payment notifies nobody); `key` names the event. */
  function notifyAfter(
    out: AfterCommit,
    userId: string,
    kind: PaymentKind,
    data: NotificationData[PaymentKind],
    key: string,
  ) {
    const notifier = deps.notifier;
    if (!notifier) return;
    out.after.push(() =>
      notifier
        .notify(userId, kind, data, key)
        .catch((err) => log.error({ err, kind }, "payment notification not queued")),
    );
  }

  /** Runs `work` in one transaction, then queues the mail it collected and runs its after-commit steps. */
  async function inTransaction<T>(work: (tx: Executor, out: AfterCommit) => Promise<T>): Promise<T> {
    const out: AfterCommit = { mails: [], after: [] };
    const result = await repo.transaction((tx) => work(tx, out));
    for (const step of out.after) await step();
    for (const m of out.mails) await mail.enqueue(m);
    return result;
  }

  async function applySubscription(userId: string, state: SubscriptionState, tx: Executor): Promise<boolean> {
    const row = await repo.saveSubscription(userId, state, tx);
    if (!row) return false;
    await repo.mirrorToUser(
      userId,
      premiumFromSubscription(row),
      {
        type: row.plan,
        status: row.status,
        stripe_id: cipher.encrypt(row.providerSubscriptionId),
        current_period_end: row.currentPeriodEnd?.toISOString() ?? null,
        cancel_at_period_end: row.cancelAtPeriodEnd,
      },
      tx,
    );
    return true;
  }

  async function fulfilCheckout(c: CheckoutCompletion, tx: Executor, out: AfterCommit): Promise<FulfilmentOutcome> {
    if (!UUID.test(c.sessionId)) return "unknown";
    const found = await repo.findSession(c.sessionId, tx);
    if (!found) return "unknown";
    // Only the first of any number of concurrent or repeated completions claims the session.
    const session = await repo.claimSession(c.sessionId, tx);
    if (!session) return "duplicate";
    const contact = await repo.userContact(session.userId, tx);
    if (session.kind === "course" && session.courseId) {
      // A second checkout for a course already bought (two tabs, two sessions paid): the money was taken, so it is
      // recorded, then given back after the commit. The learner keeps the course through the first purchase.
      await repo.lockPurchasesOf(session.userId, session.courseId, tx);
      const duplicate = await repo.hasPaidPurchase(session.userId, session.courseId, tx);
      const purchase = await repo.insertPurchase(
        {
          userId: session.userId,
          courseId: session.courseId,
          checkoutSessionId: session.id,
          paymentIntentId: c.paymentIntentId,
          // What the provider charged; the session's own amount (the course's price then) otherwise.
          amount: c.amount ?? session.amount,
          currency: c.currency ?? session.currency,
        },
        tx,
      );
      if (duplicate && purchase) {
        log.warn({ purchase_id: purchase.id, course_id: purchase.courseId }, "course paid twice: refunding the second");
        out.after.push(() =>
          refundPurchase(purchase).then(
            () => undefined,
            (err) => log.error({ err, purchase_id: purchase.id }, "duplicate payment not refunded: refund it by hand"),
          ),
        );
      }
      await enrollments.admit(session.userId, session.courseId, tx);
      notifyAfter(
        out,
        session.userId,
        "payment.succeeded",
        {
          what: found.courseTitle ?? "your course",
          amount: c.amount ?? session.amount,
          currency: c.currency ?? session.currency,
          course_id: session.courseId,
        },
        `session.${session.id}`,
      );
      if (contact) {
        out.mails.push(
          purchaseReceiptEmail(contact.email, contact.fullName, {
            courseTitle: found.courseTitle ?? "your course",
            amount: c.amount ?? session.amount,
            currency: c.currency ?? session.currency,
            link: `${appUrl}/courses/${session.courseId}`,
          }),
        );
      }
    } else if (c.subscription) {
      await applySubscription(session.userId, c.subscription, tx);
    }
    return "fulfilled";
  }

  async function recordInvoice(
    userId: string,
    inv: { invoiceId: string; status: "paid" | "failed"; amount: number; currency: string; hostedUrl: string | null },
    tx: Executor,
    out: AfterCommit,
  ) {
    notifyAfter(
      out,
      userId,
      inv.status === "paid" ? "payment.succeeded" : "payment.failed",
      { what: "Lumen Premium", amount: inv.amount, currency: inv.currency, course_id: null },
      `invoice.${inv.invoiceId}.${inv.status}`,
    );
    await repo.saveInvoice(
      {
        userId,
        providerInvoiceId: inv.invoiceId,
        amount: inv.amount,
        currency: inv.currency,
        status: inv.status,
        hostedUrl: inv.hostedUrl,
      },
      tx,
    );
    const contact = await repo.userContact(userId, tx);
    if (!contact) return;
    out.mails.push(
      inv.status === "paid"
        ? subscriptionReceiptEmail(contact.email, contact.fullName, { ...inv, link: billingLink })
        : paymentFailedEmail(contact.email, contact.fullName, { ...inv, what: "Lumen Premium", link: billingLink }),
    );
  }

  /**
   * Applies a refund; once the whole amount is back the course closes and its certificate is revoked, unless Premium
   * or a grant still opens the course (then the learner still holds what the certificate was earned with).
   */
  async function applyRefund(purchase: PurchaseRow, amountRefunded: number, tx: Executor, out: AfterCommit) {
    const row = await repo.applyRefund(purchase.id, amountRefunded, tx);
    const moved = row ? row.refundedAmount - purchase.refundedAmount : 0;
    if (row && moved > 0) {
      const course = await repo.courseForCheckout(row.courseId, tx);
      notifyAfter(
        out,
        row.userId,
        "payment.refunded",
        { what: course?.title ?? "your course", amount: moved, currency: row.currency, course_id: row.courseId },
        // Each partial refund is its own event: the running total names it.
        `refund.${row.id}.${row.refundedAmount}`,
      );
    }
    if (row && moved > 0 && deps.onRefund) {
      const notify = deps.onRefund;
      out.after.push(() =>
        notify({ purchaseId: row.id, userId: row.userId, amount: moved, currency: row.currency }).catch((err) =>
          log.error({ err, purchase_id: row.id }, "refund alert not raised"),
        ),
      );
    }
    if (row?.status === "refunded" && purchase.status === "paid") {
      out.after.push(async () => {
        if (await access.userEntitled(row.userId, row.courseId)) return;
        await repo.transaction(async (t) => {
          await enrollments.close(row.userId, row.courseId, t);
          await certificates.revokeForRefund(row.userId, row.courseId, t);
        });
      });
    }
  }

  /** A full refund through the provider; applied now when it confirms at once, else when its webhook arrives. */
  async function refundPurchase(purchase: PurchaseRow): Promise<{ confirmed: boolean }> {
    const { confirmed } = await deps.refunds.refund({
      purchaseId: purchase.id,
      paymentIntentId: purchase.paymentIntentId,
    });
    if (confirmed) await inTransaction((tx, out) => applyRefund(purchase, purchase.amount, tx, out));
    else await repo.markRefundRequested(purchase.id);
    return { confirmed };
  }

  async function userForSubscription(state: SubscriptionState, tx: Executor): Promise<string | null> {
    if (state.userId && UUID.test(state.userId) && (await repo.userExists(state.userId, tx))) return state.userId;
    return state.providerCustomerId ? repo.userByCustomer(state.providerCustomerId, tx) : null;
  }

  return {
    inTransaction,
    fulfilCheckout,
    applySubscription,
    recordInvoice,
    applyRefund,
    refundPurchase,

    /**
     * A verified provider event, applied once: its id is stored in the same transaction as its effects, so a
     * replay or a concurrent duplicate (which waits on the first one's row) changes nothing. Events for users or
     * sessions we don't know are logged and acknowledged: retrying them would never succeed.
     */
    async applyEvent(event: BillingEvent): Promise<"applied" | "replay" | "ignored"> {
      // Reading the subscription from Stripe happens before the transaction: no lock is held across the network.
      const completion =
        (event.kind === "checkout.completed" && event.paid) || event.kind === "checkout.async_succeeded"
          ? await event.completion()
          : null;
      return inTransaction(async (tx, out) => {
        if (!(await repo.recordEvent(event, tx))) return "replay";
        const warn = (msg: string, extra: Record<string, unknown> = {}) => {
          log.warn({ event_id: event.id, event_type: event.type, ...extra }, msg);
          return "ignored" as const;
        };
        switch (event.kind) {
          case "checkout.completed":
          case "checkout.async_succeeded": {
            if (!completion) return "applied"; // completed but unpaid: async_payment_succeeded will follow
            const outcome = await fulfilCheckout(completion, tx, out);
            if (outcome === "unknown") return warn("payment event for an unknown checkout session; nothing granted");
            return "applied";
          }
          case "checkout.async_failed": {
            const id = event.sessionId && UUID.test(event.sessionId) ? event.sessionId : null;
            const session = id ? await repo.expireSession(id, tx) : null;
            if (!session) return warn("failed payment for an unknown or closed checkout session");
            notifyAfter(
              out,
              session.userId,
              "payment.failed",
              {
                what: session.kind === "course" ? "your course" : "Lumen Premium",
                amount: session.amount,
                currency: session.currency,
                course_id: session.courseId,
              },
              `session.${session.id}.failed`,
            );
            const contact = await repo.userContact(session.userId, tx);
            if (contact) {
              out.mails.push(
                paymentFailedEmail(contact.email, contact.fullName, {
                  what: session.kind === "course" ? "your course" : "Lumen Premium",
                  amount: session.amount,
                  currency: session.currency,
                  link: session.courseId ? `${appUrl}/courses/${session.courseId}` : `${appUrl}/pricing`,
                }),
              );
            }
            return "applied";
          }
          case "subscription": {
            const userId = await userForSubscription(event.state, tx);
            if (!userId) return warn("subscription event for an unknown user; nothing granted");
            await applySubscription(userId, event.state, tx);
            return "applied";
          }
          case "invoice": {
            const userId = event.customerId ? await repo.userByCustomer(event.customerId, tx) : null;
            if (!userId) return warn("invoice event for an unknown customer");
            await recordInvoice(userId, event, tx, out);
            return "applied";
          }
          case "charge.refunded": {
            const purchase = event.paymentIntentId
              ? await repo.findPurchaseByPaymentIntent(event.paymentIntentId, tx)
              : undefined;
            if (!purchase) return warn("refund for an unknown payment");
            await applyRefund(purchase, event.amountRefunded, tx, out);
            return "applied";
          }
          case "ignored":
            return "ignored";
        }
      });
    },
  };
}
export type Fulfilment = ReturnType<typeof createFulfilment>;
