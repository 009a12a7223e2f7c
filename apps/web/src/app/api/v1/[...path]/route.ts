import { proxyToApi } from "@/lib/api-proxy";

// Same-origin gateway to the API (see lib/api-proxy).
export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return proxyToApi(request, new URL(request.url).pathname);
}

export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as PATCH,
  handle as POST,
  handle as PUT,
};
