import type { PublicCertificate } from "@lumen/contracts";
import { buttonClasses } from "@/components/button-link";
import { formatIssueDate, PRODUCT_NAME } from "../certificate-links";
import { certificatePdfPath } from "../certificates.api";

/**
 * The public verification of a certificate: who earned it, for which course, from whom, when, and whether it is
 * still valid. Download and share sit under it; sharing is offered only while the certificate is valid.
 */
export function CertificateView({ certificate, linkedInUrl }: { certificate: PublicCertificate; linkedInUrl: string }) {
  const valid = certificate.status === "valid";
  return (
    <article aria-labelledby="certificate-title" className="rounded-card border border-border bg-surface shadow-card">
      <div className="border-b border-border px-6 py-5 sm:px-10">
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">{PRODUCT_NAME}</p>
        <h1 id="certificate-title" className="mt-1 font-display text-3xl font-semibold tracking-tight text-balance">
          Certificate of completion
        </h1>
        <p
          data-status={certificate.status}
          className={`mt-3 inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium ${
            valid ? "bg-accent-soft text-foreground" : "bg-danger-soft text-foreground"
          }`}
        >
          {valid
            ? "Valid certificate"
            : `Revoked${certificate.revoked_at ? ` on ${formatIssueDate(certificate.revoked_at)}` : ""}: no longer valid`}
        </p>
      </div>
      <dl className="grid gap-x-8 gap-y-5 px-6 py-6 sm:grid-cols-2 sm:px-10">
        <div className="sm:col-span-2">
          <dt className="text-sm text-muted">Awarded to</dt>
          <dd className="mt-0.5 font-display text-2xl font-semibold text-balance">{certificate.learner_name}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-sm text-muted">For completing</dt>
          <dd className="mt-0.5 text-xl font-medium text-balance">{certificate.course_title}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Taught by</dt>
          <dd className="mt-0.5 font-medium">{certificate.creator_name}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Issued</dt>
          <dd className="mt-0.5 font-medium">
            <time dateTime={certificate.issued_at}>{formatIssueDate(certificate.issued_at)}</time>
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-sm text-muted">Certificate ID</dt>
          <dd className="mt-0.5 font-mono text-base tracking-wider break-all">{certificate.code}</dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-3 border-t border-border px-6 py-5 sm:px-10">
        <a href={certificatePdfPath(certificate.code)} download className={buttonClasses("primary")}>
          Download PDF
        </a>
        {valid && (
          <a href={linkedInUrl} target="_blank" rel="noopener noreferrer" className={buttonClasses("secondary")}>
            Share on LinkedIn
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        )}
      </div>
    </article>
  );
}
