import {
  certificateCodeSchema,
  myCertificateListSchema,
  myCertificateQuerySchema,
  publicCertificateSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import { SHORT_PUBLIC_READ } from "../../plugins/http-cache.js";
import type { CertificateService } from "./certificate.service.js";

const codeParams = z.object({ code: certificateCodeSchema.describe("The certificate's verification code") });

const PDF_RESPONSE = {
  description: "The certificate as a landscape A4 PDF; Content-Disposition names the file to save it as.",
  content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
};

export function certificateRoutes(app: FastifyInstance, opts: { service: CertificateService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;
  const tags = ["certificates"];

  // GET /certificates – the caller's certificates; issues any that are due first (backfill for earlier completions)
  r.get(
    "/certificates",
    {
      config: { auth: {} },
      schema: {
        tags,
        security: [{ bearerAuth: [] }],
        summary: "My certificates",
        querystring: myCertificateQuerySchema,
        response: responds(myCertificateListSchema),
      },
    },
    async (request) => ok(await service.mine(currentAuth(request), request.query.course_id ?? null)),
  );

  // GET /certificates/:code – public verification (no email or ids); cached briefly so a revocation shows promptly
  r.get(
    "/certificates/:code",
    {
      config: SHORT_PUBLIC_READ,
      schema: {
        tags,
        summary: "Verify a certificate",
        params: codeParams,
        response: responds(publicCertificateSchema),
      },
    },
    async (request) => ok(await service.verify(request.params.code)),
  );

  // GET /certificates/:code/pdf – public download of the printable certificate
  r.get(
    "/certificates/:code/pdf",
    {
      config: SHORT_PUBLIC_READ,
      schema: { tags, summary: "Download a certificate as PDF", params: codeParams, response: { 200: PDF_RESPONSE } },
    },
    async (request, reply) => {
      const { filename, bytes } = await service.pdf(request.params.code);
      // The schema documents the body as OpenAPI's binary string; Fastify sends a Buffer as it is, unserialised.
      const body = Buffer.from(bytes) as unknown as string;
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(body);
    },
  );
}
