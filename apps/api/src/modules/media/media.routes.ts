import { Readable } from "node:stream";
import {
  MEDIA_FORMAT_NAMES,
  mediaAccessQuerySchema,
  mediaAssetSchema,
  mediaUploadFieldsSchema,
} from "@lumen/contracts";
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import { uploadError, uploadParts } from "./media.form.js";
import type { MediaService } from "./media.service.js";

const idParams = z.object({ id: z.uuid() });

/** For the OpenAPI document only: the multipart body is streamed and checked by the handler, part by part. */
const uploadBodyDoc = mediaUploadFieldsSchema.extend({
  file: z.unknown().meta({
    type: "string",
    format: "binary",
    description: `The file, after the other fields. Videos: ${MEDIA_FORMAT_NAMES.video}; images: ${MEDIA_FORMAT_NAMES.image}. The type is read from the content.`,
  }),
});

/** Bodies here are multipart streams the handler checks part by part; params and query still go through Zod. */
const skipBodyValidation: FastifySchemaCompiler<z.ZodType> = (route) =>
  route.httpPart === "body" ? () => true : validatorCompiler(route);

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
};

/** Registers into its own encapsulated scope (`app`), whose body validation it turns off. */
export function mediaRoutes(app: FastifyInstance, opts: { service: MediaService }) {
  const { service } = opts;
  app.setValidatorCompiler(skipBodyValidation);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["media"];

  // POST /media – creators and admins; streamed to storage, type sniffed from the bytes, size capped per kind
  r.post(
    "/media",
    {
      config: { auth: { roles: ["creator", "admin"] } },
      // A failed upload may leave part of the body unread: close the connection rather than read it all.
      onError: async (_request, reply) => {
        reply.header("connection", "close");
      },
      schema: {
        tags,
        security: [{ bearerAuth: [] }],
        summary: "Upload a video or an image",
        description:
          "multipart/form-data: optional `kind` (video | image) and `course_id` fields first, then one `file`. " +
          "413 PAYLOAD_TOO_LARGE past the kind's size limit, 415 UNSUPPORTED_MEDIA_TYPE for other types " +
          "(SVG included). Put the returned `url` in a lesson's `video_url` or a course's `thumbnail_url`.",
        consumes: ["multipart/form-data"],
        body: uploadBodyDoc,
        response: responds(mediaAssetSchema, 201),
      },
    },
    async (request, reply) => {
      try {
        const asset = await service.upload(currentAuth(request), uploadParts(request));
        return reply.code(201).send(ok(asset, "File uploaded"));
      } catch (err) {
        throw uploadError(err);
      }
    },
  );

  // GET /media/:id – images public; videos by signed link (?exp&sig) or Bearer; Range, ETag, conditional GET
  r.get(
    "/media/:id",
    {
      schema: {
        tags,
        summary: "An uploaded file's bytes",
        description:
          "Streams the file with `Accept-Ranges: bytes` (206 with Content-Range for a `Range`, 416 past the end), " +
          "`ETag` and `Last-Modified` (304 on `If-None-Match` / `If-Modified-Since`). Images are public and " +
          "immutable. Videos need the signed `exp` + `sig` the API puts in lesson `video_url`s (403 when invalid " +
          "or expired), or a Bearer token of the owner, an admin or a learner who may read the lesson.",
        params: idParams,
        querystring: mediaAccessQuerySchema,
      },
    },
    async (request, reply) => {
      const served = await service.serve(request.auth, request.params.id, request.query, {
        head: request.method === "HEAD",
        range: header(request, "range"),
        ifNoneMatch: header(request, "if-none-match"),
        ifModifiedSince: header(request, "if-modified-since"),
        ifRange: header(request, "if-range"),
      });
      reply.code(served.status).headers(served.headers);
      // HEAD: an empty stream keeps our Content-Length (Fastify would set 0 for an empty payload).
      if (served.body) return reply.send(served.body);
      return served.status === 304 ? reply.send() : reply.send(Readable.from([]));
    },
  );
}
