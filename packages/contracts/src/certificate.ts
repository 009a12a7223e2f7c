import { z } from "zod";

/** A certificate's public verification code: 16 characters of RFC 4648 base32 (80 random bits). */
export const CERTIFICATE_CODE = /^[A-Z2-7]{16}$/;

/**
 * The code in a path. Lower case is accepted (people retype codes) and upper-cased; anything else is a link to
 * nothing, so the route answers 404 rather than a validation error.
 */
export const certificateCodeSchema = z.string().trim().toUpperCase();

export const certificateStatusSchema = z.enum(["valid", "revoked"]);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

/**
 * `GET /certificates/:code`: what anyone holding the link may see. Names and title as they were at issue time; no
 * email, user id or other personal data.
 */
export const publicCertificateSchema = z.object({
  code: z.string(),
  learner_name: z.string(),
  course_title: z.string(),
  creator_name: z.string(),
  issued_at: z.string(),
  status: certificateStatusSchema,
  revoked_at: z.string().nullable(),
});
export type PublicCertificate = z.infer<typeof publicCertificateSchema>;

/** One of the caller's own certificates (`GET /certificates`). */
export const myCertificateSchema = publicCertificateSchema.extend({
  course_id: z.string(),
  revoked_reason: z.string().nullable(),
});
export type MyCertificate = z.infer<typeof myCertificateSchema>;

export const myCertificateListSchema = z.object({ items: z.array(myCertificateSchema) });
export type MyCertificateList = z.infer<typeof myCertificateListSchema>;

export const myCertificateQuerySchema = z.object({
  course_id: z.uuid("course_id must be a course id").optional().describe("Only the certificate for this course"),
});
export type MyCertificateQuery = z.infer<typeof myCertificateQuerySchema>;
