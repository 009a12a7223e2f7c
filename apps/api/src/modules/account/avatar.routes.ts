import { AVATAR_MAX_BYTES, userResultSchema } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import { uploadError, uploadParts } from "../media/media.form.js";
import type { AvatarService } from "./avatar.service.js";

/** For the OpenAPI document only: the multipart body is streamed and checked by the service. */
const avatarBodyDoc = z.object({
  file: z.unknown().meta({
    type: "string",
    format: "binary",
    description: "PNG, JPEG or WebP, recognised from its bytes (the name and Content-Type are not trusted).",
  }),
});

/** Registers into the uploads scope (multipart parsing, body validation left to the handler). */
export function avatarRoutes(app: FastifyInstance, opts: { service: AvatarService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;
  const tags = ["users"];
  const security = [{ bearerAuth: [] }];

  // PUT /users/me/avatar – multipart `file`; replaces the previous picture, which is deleted
  r.put(
    "/users/me/avatar",
    {
      config: { auth: {} },
      onError: async (_request, reply) => {
        reply.header("connection", "close");
      },
      schema: {
        tags,
        security,
        summary: "Upload your profile picture",
        description: `multipart/form-data with one \`file\`. 413 PAYLOAD_TOO_LARGE past ${AVATAR_MAX_BYTES / (1024 * 1024)} MiB, 415 UNSUPPORTED_MEDIA_TYPE for anything but PNG, JPEG or WebP, 400 VALIDATION_ERROR for a picture that cannot be decoded. It is stored re-encoded: a centred square of at most 512 px as WebP, without the upload's metadata (EXIF, GPS). The user's \`profile.avatar_url\` then names it.`,
        consumes: ["multipart/form-data"],
        body: avatarBodyDoc,
        response: responds(userResultSchema),
      },
    },
    async (request) => {
      try {
        return ok({ user: await service.replace(currentAuth(request).userId, uploadParts(request)) }, "Picture saved");
      } catch (err) {
        throw uploadError(err);
      }
    },
  );

  // DELETE /users/me/avatar – back to the initials
  r.delete(
    "/users/me/avatar",
    {
      config: { auth: {} },
      schema: { tags, security, summary: "Remove your profile picture", response: responds(userResultSchema) },
    },
    async (request) => ok({ user: await service.remove(currentAuth(request).userId) }, "Picture removed"),
  );
}
