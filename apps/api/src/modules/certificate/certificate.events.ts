import type { FastifyBaseLogger } from "fastify";

/** What listeners hear about a certificate that was just issued (or reinstated after a repurchase). */
export interface CertificateIssued {
  certificateId: string;
  code: string;
  userId: string;
  courseId: string;
  learnerName: string;
  courseTitle: string;
  issuedAt: Date;
}
export type CertificateIssuedListener = (event: CertificateIssued) => Promise<void>;

/**
 * The hook other modules subscribe to (notifications: "You earned a certificate"). Listeners run after the
 * certificate is committed; a failing listener is logged and never undoes or blocks the issue.
 */
export function createCertificateEvents(log: Pick<FastifyBaseLogger, "error">) {
  const listeners: CertificateIssuedListener[] = [];
  return {
    onCertificateIssued(listener: CertificateIssuedListener): void {
      listeners.push(listener);
    },
    async emitIssued(event: CertificateIssued): Promise<void> {
      for (const listener of listeners) {
        await listener(event).catch((err: unknown) =>
          log.error({ err, certificate_id: event.certificateId }, "certificate listener failed"),
        );
      }
    },
  };
}
export type CertificateEvents = ReturnType<typeof createCertificateEvents>;
