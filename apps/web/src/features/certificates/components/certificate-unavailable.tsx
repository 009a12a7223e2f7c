import { buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import type { ApiError } from "@/lib/api-client";
import { certificatePath } from "../certificates.api";

/** The verification page when the API failed (not a 404): whose side the problem is on, and a retry. */
export function CertificateUnavailable({ code, error }: { code: string; error: Pick<ApiError, "code"> }) {
  return (
    <div className="mx-auto max-w-page px-4 py-20 sm:px-6 sm:py-28 lg:px-8">
      <StatusPanel
        tone="danger"
        role="alert"
        headingLevel={1}
        title="We can't check this certificate right now"
        actions={
          // A full page load on purpose: it asks the server again.
          <a href={certificatePath(code)} className={buttonClasses("primary")}>
            Try again
          </a>
        }
      >
        {error.code === "NETWORK_ERROR" || error.code === "SERVICE_UNAVAILABLE"
          ? "Our certificate service isn't answering at the moment. It's on our side, not yours: please try again in a minute."
          : "Something went wrong on our side while checking this certificate. Please try again in a minute."}
      </StatusPanel>
    </div>
  );
}
