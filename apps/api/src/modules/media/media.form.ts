import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/errors.js";
import type { UploadPart } from "./media.service.js";

/** The multipart parts of an upload request; a request of another type is a 415. */
export async function* uploadParts(request: FastifyRequest): AsyncGenerator<UploadPart> {
  if (!request.isMultipart()) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      'Send the upload as multipart/form-data with the file in a field named "file"',
    );
  }
  for await (const part of request.parts()) {
    yield part.type === "file"
      ? { type: "file", fieldname: part.fieldname, file: part.file }
      : { type: "field", fieldname: part.fieldname, value: part.value };
  }
}

const PLUGIN_ERRORS: Record<string, () => AppError> = {
  FST_FILES_LIMIT: () =>
    new AppError("VALIDATION_ERROR", "Send one file per request", { in: "body", fields: { file: ["Only one file"] } }),
  FST_FIELDS_LIMIT: () => new AppError("VALIDATION_ERROR", "Too many form fields: send kind, course_id and file"),
  FST_PARTS_LIMIT: () => new AppError("VALIDATION_ERROR", "Too many form parts: send kind, course_id and file"),
  FST_PROTO_VIOLATION: () => new AppError("VALIDATION_ERROR", "A form field has a reserved name"),
  FST_MP_PREMATURE_CLOSE: () => new AppError("VALIDATION_ERROR", "The upload was cut short before it completed"),
};

/**
 * Errors of the multipart parser (raised while iterating parts or reading the file) in the envelope's terms.
 * Busboy's own errors carry no code, only a message about the multipart syntax.
 */
export function uploadError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown }).code;
  const known = typeof code === "string" ? PLUGIN_ERRORS[code] : undefined;
  if (known) return known();
  const message = err instanceof Error ? err.message : "";
  if (/multipart|boundary|part header|terminated early|end of form/i.test(message)) {
    return new AppError("VALIDATION_ERROR", `The multipart body is malformed or incomplete (${message})`);
  }
  return err;
}
