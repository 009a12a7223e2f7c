import { revalidateTag } from "next/cache";
import { revalidateSecret } from "@/env";
import { handleRevalidate } from "@/lib/revalidate";

// POST /api/revalidate – signed by the API when a course's public view changed; see lib/revalidate.ts.
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleRevalidate(request, {
    secret: revalidateSecret(),
    // `expire: 0`, not the "max" profile: the API's own cache never serves a stale course (versioned keys), and a
    // course taken down or edited should not be shown once more as it was. The next request renders the page again
    // (one render per page per burst of changes: the API coalesces them over a second).
    revalidate: (tag) => revalidateTag(tag, { expire: 0 }),
    now: Date.now,
  });
}
