import type { PublicCertificate } from "@lumen/contracts";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { linkedInAddUrl } from "@/features/certificates/certificate-links";
import { certificatePath, getCertificate } from "@/features/certificates/certificates.api";
import { CertificateUnavailable } from "@/features/certificates/components/certificate-unavailable";
import { CertificateView } from "@/features/certificates/components/certificate-view";
import { absoluteUrl, siteOrigin } from "@/features/courses/site-origin";
import { type ApiError, isApiError } from "@/lib/api-client";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;

/** One API call per request, shared by the metadata and the page; never cached here, so a revocation shows at once. */
const loadCertificate = cache(
  async (code: string): Promise<{ certificate: PublicCertificate } | { error: ApiError }> => {
    try {
      return { certificate: await getCertificate(code, { cache: "no-store" }) };
    } catch (error) {
      if (!isApiError(error)) throw error;
      // An unknown or malformed code is a link to nothing: a real 404 page.
      if (error.code === "NOT_FOUND" || error.code === "VALIDATION_ERROR") notFound();
      console.error(`[certificate] unavailable: ${error.code} (HTTP ${error.status}) ${error.message}`);
      return { error };
    }
  },
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const result = await loadCertificate((await params).code);
  if ("error" in result) return { title: "Certificate", robots: { index: false } };
  const { certificate } = result;
  const title = `${certificate.course_title}: certificate of ${certificate.learner_name}`;
  return {
    title,
    description: `Verify the Lumen certificate ${certificate.code}.`,
    // A person's name: shared by its holder, not indexed by search engines.
    robots: { index: false, follow: false },
    alternates: { canonical: absoluteUrl(siteOrigin(), certificatePath(certificate.code)) },
  };
}

export default async function CertificatePage({ params }: { params: Params }) {
  const { code } = await params;
  const result = await loadCertificate(code);
  if ("error" in result) return <CertificateUnavailable code={code} error={result.error} />;
  const { certificate } = result;
  const certUrl = absoluteUrl(siteOrigin(), certificatePath(certificate.code));
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <CertificateView certificate={certificate} linkedInUrl={linkedInAddUrl(certificate, certUrl)} />
    </div>
  );
}
