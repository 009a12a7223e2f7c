import { certificates, courses, type Executor, enrollments, lessons, progress, quizzes, users } from "@lumen/db";
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";

export type CertificateRow = typeof certificates.$inferSelect;

/** Why a certificate was revoked; a refund's revocation is undone when the course is bought again. */
export const REVOKED_FOR_REFUND = "refund";

/**
 * THE completion rule, as one predicate on the course row `c` for user `userId`: an active enrollment, certificates
 * on, at least one lesson, every lesson complete and every lesson quiz passed (`progress.quiz_progress.passed`,
 * which the quiz module folds each attempt into), and no valid certificate yet.
 */
function eligibleSql(userId: string): SQL<boolean> {
  return sql<boolean>`(c.certificates_enabled
    AND EXISTS (SELECT 1 FROM ${enrollments} e WHERE e.user_id = ${userId} AND e.course_id = c.id AND e.status = 'active')
    AND EXISTS (SELECT 1 FROM ${lessons} l WHERE l.course_id = c.id)
    AND NOT EXISTS (
      SELECT 1 FROM ${lessons} l WHERE l.course_id = c.id AND NOT EXISTS (
        SELECT 1 FROM ${progress} p WHERE p.user_id = ${userId} AND p.lesson_id = l.id AND p.is_completed))
    AND NOT EXISTS (
      SELECT 1 FROM ${quizzes} q WHERE q.course_id = c.id AND NOT EXISTS (
        SELECT 1 FROM ${progress} p WHERE p.user_id = ${userId} AND p.lesson_id = q.lesson_id
          AND coalesce((p.quiz_progress->>'passed')::boolean, false)))
    AND NOT EXISTS (
      SELECT 1 FROM ${certificates} held WHERE held.user_id = ${userId} AND held.course_id = c.id AND held.revoked_at IS NULL))`;
}

function mapRow(r: Record<string, unknown>): CertificateRow {
  const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    id: String(r.id),
    userId: String(r.user_id),
    courseId: String(r.course_id),
    code: String(r.code),
    learnerName: String(r.learner_name),
    courseTitle: String(r.course_title),
    creatorName: String(r.creator_name),
    issuedAt: date(r.issued_at) as Date,
    revokedAt: date(r.revoked_at),
    revokedReason: r.revoked_reason == null ? null : String(r.revoked_reason),
  };
}

export function createCertificateRepo(db: Executor) {
  return {
    /** Courses (of `courseId` alone, when given) the user has completed and holds no valid certificate for. */
    async eligibleCourses(userId: string, courseId: string | null, tx: Executor = db): Promise<string[]> {
      const only = courseId ? sql`AND c.id = ${courseId}` : sql``;
      const result = (await tx.execute(
        sql`SELECT c.id FROM ${courses} c WHERE ${eligibleSql(userId)} ${only}`,
      )) as unknown as { rows: Array<{ id: string }> };
      return result.rows.map((r) => String(r.id));
    },

    /**
     * Issues the certificate if the learner is (still) eligible, in one statement: the eligibility is re-checked by
     * the insert itself, and the unique (user, course) key makes concurrent issuers meet, so exactly one row
     * results. A certificate revoked for a refund is reinstated (bought again and complete); any other revoked one
     * stays revoked. Returns the row only when this call issued or reinstated it.
     */
    async issue(userId: string, courseId: string, code: string, tx: Executor = db): Promise<CertificateRow | null> {
      const result = (await tx.execute(sql`
        INSERT INTO ${certificates} AS x (user_id, course_id, code, learner_name, course_title, creator_name)
        SELECT u.id, c.id, ${code}, u.full_name, c.title, cr.full_name
          FROM ${courses} c
          JOIN ${users} u ON u.id = ${userId}
          JOIN ${users} cr ON cr.id = c.creator_id
         WHERE c.id = ${courseId} AND ${eligibleSql(userId)}
        ON CONFLICT (user_id, course_id) DO UPDATE SET
          revoked_at = NULL, revoked_reason = NULL, issued_at = now(),
          learner_name = EXCLUDED.learner_name, course_title = EXCLUDED.course_title,
          creator_name = EXCLUDED.creator_name
          WHERE x.revoked_at IS NOT NULL AND x.revoked_reason = ${REVOKED_FOR_REFUND}
        RETURNING *`)) as unknown as { rows: Array<Record<string, unknown>> };
      const row = result.rows[0];
      return row ? mapRow(row) : null;
    },

    async findByCode(code: string, tx: Executor = db): Promise<CertificateRow | undefined> {
      const [row] = await tx.select().from(certificates).where(eq(certificates.code, code)).limit(1);
      return row;
    },

    async listForUser(userId: string, courseId: string | null, tx: Executor = db): Promise<CertificateRow[]> {
      const where = [eq(certificates.userId, userId)];
      if (courseId) where.push(eq(certificates.courseId, courseId));
      return tx
        .select()
        .from(certificates)
        .where(and(...where))
        .orderBy(desc(certificates.issuedAt), desc(certificates.id));
    },

    /** Revokes the learner's valid certificate for the course; null when there was none to revoke. */
    async revoke(userId: string, courseId: string, reason: string, tx: Executor = db): Promise<CertificateRow | null> {
      const [row] = await tx
        .update(certificates)
        .set({ revokedAt: new Date(), revokedReason: reason })
        .where(
          and(eq(certificates.userId, userId), eq(certificates.courseId, courseId), isNull(certificates.revokedAt)),
        )
        .returning();
      return row ?? null;
    },
  };
}
export type CertificateRepo = ReturnType<typeof createCertificateRepo>;
