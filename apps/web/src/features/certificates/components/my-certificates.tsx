import type { MyCertificate, MyCertificateList } from "@lumen/contracts";
import Link from "next/link";
import { Bone, DashboardSection, SectionError, SectionLoading } from "@/components/ui/section";
import type { Resource } from "@/lib/use-resource";
import { formatIssueDate } from "../certificate-links";
import { certificatePath } from "../certificates.api";

function CertificateRow({ certificate }: { certificate: MyCertificate }) {
  const revoked = certificate.status === "revoked";
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <Link
        href={certificatePath(certificate.code)}
        className="flex min-h-11 flex-col justify-center rounded-lg underline-offset-4 hover:underline"
      >
        <span className="font-semibold leading-snug text-balance">{certificate.course_title}</span>
        <span className="text-sm text-muted">
          {revoked ? "Revoked" : `Earned ${formatIssueDate(certificate.issued_at)}`}
          <span aria-hidden="true"> · </span>
          <span className="font-mono">{certificate.code}</span>
        </span>
      </Link>
    </li>
  );
}

/** The learner's certificates, newest first, each linking to its public verification page. */
export function MyCertificates({ resource, onRetry }: { resource: Resource<MyCertificateList>; onRetry: () => void }) {
  return (
    <DashboardSection id="certificates-title" title="Certificates">
      {resource.status === "loading" && (
        <SectionLoading label="Loading your certificates…">
          <div className="space-y-3">
            <Bone className="h-5 w-2/3" />
            <Bone className="h-4 w-1/2" />
          </div>
        </SectionLoading>
      )}
      {resource.status === "error" && (
        <SectionError what="your certificates" error={resource.error} onRetry={onRetry} />
      )}
      {resource.status === "ready" &&
        (resource.data.items.length === 0 ? (
          <p className="text-sm text-muted">
            Finish every lesson of a course and pass its quizzes to earn a certificate you can share.
          </p>
        ) : (
          <ul className="divide-y divide-border">
            {resource.data.items.map((c) => (
              <CertificateRow key={c.code} certificate={c} />
            ))}
          </ul>
        ))}
    </DashboardSection>
  );
}
