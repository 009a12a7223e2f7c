import type { MyCertificate, MyCertificateList, PublicCertificate } from "@lumen/contracts";
import type { Executor } from "@lumen/db";
import { notFound } from "../../lib/errors.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { JobQueue } from "../jobs/jobs.js";
import { newCertificateCode, normaliseCertificateCode } from "./certificate.code.js";
import type { CertificateEvents } from "./certificate.events.js";
import { type CertificatePdfInput, renderCertificatePdf } from "./certificate.pdf.js";
import { type CertificateRepo, type CertificateRow, REVOKED_FOR_REFUND } from "./certificate.repo.js";

export function presentPublicCertificate(row: CertificateRow): PublicCertificate {
  return {
    code: row.code,
    learner_name: row.learnerName,
    course_title: row.courseTitle,
    creator_name: row.creatorName,
    issued_at: row.issuedAt.toISOString(),
    status: row.revokedAt ? "revoked" : "valid",
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

export function presentMyCertificate(row: CertificateRow): MyCertificate {
  return { ...presentPublicCertificate(row), course_id: row.courseId, revoked_reason: row.revokedReason };
}

/** The public page of a certificate on the web app (printed on the PDF, shared on LinkedIn). */
export const verificationUrl = (appUrl: string, code: string) =>
  `${appUrl.replace(/\/+$/, "")}/certificates/${encodeURIComponent(code)}`;

/** `Lumen-certificate-<code>.pdf`: the code is base32, so the name needs no escaping in Content-Disposition. */
export const certificateFilename = (code: string) => `Lumen-certificate-${code}.pdf`;

/**
 * Certificates of completion. Completion is detected where it happens (a lesson's completion is claimed, a quiz
 * attempt passes) and the check runs as a `certificate.issue` job after that write has committed: two requests
 * completing a course's last two lessons at once each commit before either job reads, so the later job always sees
 * both (a check inside either transaction would see only its own row, and neither would issue). The job also keeps
 * the learner's request as fast as before. Reading one's certificates (the list, or the course page asking for
 * its certificate) issues any that are due, which backfills learners who completed before certificates existed
 * and covers a job lost with an in-memory queue.
 */
export function createCertificateService(deps: {
  certificates: CertificateRepo;
  jobs: Pick<JobQueue, "enqueue">;
  events: Pick<CertificateEvents, "emitIssued">;
  appUrl: string;
  newCode?: () => string;
}) {
  const { certificates, jobs, events, appUrl } = deps;
  const newCode = deps.newCode ?? (() => newCertificateCode());

  /** Issues the certificate when the learner has completed the course; idempotent, safe to run concurrently. */
  async function issueIfComplete(userId: string, courseId: string): Promise<CertificateRow | null> {
    const row = await certificates.issue(userId, courseId, newCode());
    if (row) {
      await events.emitIssued({
        certificateId: row.id,
        code: row.code,
        userId: row.userId,
        courseId: row.courseId,
        learnerName: row.learnerName,
        courseTitle: row.courseTitle,
        issuedAt: row.issuedAt,
      });
    }
    return row;
  }

  /** Issues every certificate the user is due (all their courses, or one). */
  async function backfill(userId: string, courseId: string | null): Promise<void> {
    for (const id of await certificates.eligibleCourses(userId, courseId)) await issueIfComplete(userId, id);
  }

  async function byCode(input: string): Promise<CertificateRow> {
    const code = normaliseCertificateCode(input);
    const row = code ? await certificates.findByCode(code) : undefined;
    if (!row) throw notFound("Certificate");
    return row;
  }

  return {
    issueIfComplete,

    /**
     * Called after a write that may have completed a course (a lesson's completion claimed, a passing attempt).
     * `key` names that write, so a retried request doesn't queue the check twice; the check itself is idempotent.
     */
    async completionMayHaveChanged(userId: string, courseId: string, key: string): Promise<void> {
      await jobs.enqueue("certificate.issue", { userId, courseId }, { jobId: `certificate.issue.${key}` });
    },

    /** GET /certificates – the caller's certificates, newest first; any that are due are issued first. */
    async mine(auth: AuthContext, courseId: string | null): Promise<MyCertificateList> {
      await backfill(auth.userId, courseId);
      const rows = await certificates.listForUser(auth.userId, courseId);
      return { items: rows.map(presentMyCertificate) };
    },

    /** GET /certificates/:code – public; an unknown or malformed code is 404. */
    async verify(code: string): Promise<PublicCertificate> {
      return presentPublicCertificate(await byCode(code));
    },

    /** GET /certificates/:code/pdf – the printable certificate, revoked ones marked as such. */
    async pdf(code: string): Promise<{ filename: string; bytes: Uint8Array }> {
      const row = await byCode(code);
      const input: CertificatePdfInput = {
        code: row.code,
        learnerName: row.learnerName,
        courseTitle: row.courseTitle,
        creatorName: row.creatorName,
        issuedAt: row.issuedAt,
        revoked: row.revokedAt !== null,
        verificationUrl: verificationUrl(appUrl, row.code),
      };
      return { filename: certificateFilename(row.code), bytes: await renderCertificatePdf(input) };
    },

    /** Billing: a full refund of a course takes its certificate back (in the refund's transaction). */
    async revokeForRefund(userId: string, courseId: string, tx?: Executor): Promise<boolean> {
      return (await certificates.revoke(userId, courseId, REVOKED_FOR_REFUND, tx)) !== null;
    },
  };
}
export type CertificateService = ReturnType<typeof createCertificateService>;
