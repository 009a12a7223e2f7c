import { myCertificateListSchema, type PublicCertificate, publicCertificateSchema } from "@lumen/contracts";
import { type ApiClient, type ApiRequestOptions, api } from "@/lib/api-client";

// GET /certificates/{code} – public verification: names, title, date, status.
export function getCertificate(
  code: string,
  options: Omit<ApiRequestOptions, "query" | "method" | "body"> = {},
  client: ApiClient = api,
): Promise<PublicCertificate> {
  return client.request(`/certificates/${encodeURIComponent(code)}`, publicCertificateSchema, options);
}

/** GET /certificates – my certificates (signed in; see features/auth/session authRequest). */
export const myCertificates = { path: "/certificates", schema: myCertificateListSchema };

/** GET /certificates?course_id= – my certificate for one course (issued on the spot if it is due). */
export const myCertificateFor = (courseId: string) => ({
  path: `/certificates?course_id=${encodeURIComponent(courseId)}`,
  schema: myCertificateListSchema,
});

/** The PDF, through this site's gateway (same origin; the API sends it as an attachment). */
export const certificatePdfPath = (code: string) => `/api/v1/certificates/${encodeURIComponent(code)}/pdf`;

/** The public verification page of a certificate. */
export const certificatePath = (code: string) => `/certificates/${encodeURIComponent(code)}`;
