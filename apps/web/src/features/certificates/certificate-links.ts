import type { PublicCertificate } from "@lumen/contracts";

export const PRODUCT_NAME = "Lumen";

/**
 * LinkedIn's "Add licence or certification" form, prefilled (https://www.linkedin.com/profile/add with
 * startTask=CERTIFICATION_NAME). The month is 1–12, from the issue date in UTC like the printed certificate.
 */
export function linkedInAddUrl(cert: Pick<PublicCertificate, "code" | "course_title" | "issued_at">, certUrl: string) {
  const issued = new Date(cert.issued_at);
  const params = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: cert.course_title,
    organizationName: PRODUCT_NAME,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl,
    certId: cert.code,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

/** "4 December 2026", in UTC: the same day the PDF prints. */
export function formatIssueDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(iso),
  );
}
