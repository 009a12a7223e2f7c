import { noteCreateSchema, noteListQuerySchema, noteListSchema, noteSchema, noteUpdateSchema } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { NoteService } from "./note.service.js";

export function noteRoutes(app: FastifyInstance, opts: { service: NoteService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;
  const guard = { config: { auth: {} } };
  const tags = ["notes"];
  const security = [{ bearerAuth: [] }];
  const params = z.object({ id: z.uuid() });
  const noteParams = z.object({ id: z.uuid(), noteId: z.uuid() });

  // GET /courses/:id/notes – the caller's own notes and bookmarks in course order; ?q= searches, ?lesson_id= filters
  r.get(
    "/courses/:id/notes",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Your notes and bookmarks in a course",
        params,
        querystring: noteListQuerySchema,
        response: responds(noteListSchema),
      },
    },
    async (request) => ok(await service.list(currentAuth(request), request.params.id, request.query)),
  );

  // POST /courses/:id/notes – enrolled (and, on a paid course, entitled) learners; pinned to a second or a paragraph
  r.post(
    "/courses/:id/notes",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Add a note or bookmark",
        params,
        body: noteCreateSchema,
        response: responds(noteSchema, 201),
      },
    },
    async (request, reply) => {
      const note = await service.create(currentAuth(request), request.params.id, request.body);
      return reply.code(201).send(ok(note, note.kind === "bookmark" ? "Bookmark added" : "Note added"));
    },
  );

  // GET /courses/:id/notes/export.md – the caller's notes as a Markdown download (errors stay JSON envelopes)
  r.get(
    "/courses/:id/notes/export.md",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Download your notes as Markdown",
        description:
          "text/markdown: the course title, a heading per lesson, a `- [mm:ss](link) text` line per note. Content-Disposition names a file to save it as.",
        params,
        response: {
          200: {
            description: "The notes as a Markdown document",
            content: { "text/markdown": { schema: z.string() } },
          },
        },
      },
    },
    async (request, reply) => {
      const { filename, markdown } = await service.exportMarkdown(currentAuth(request), request.params.id);
      return reply
        .type("text/markdown; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .header("cache-control", "no-store")
        .send(markdown);
    },
  );

  // PATCH /courses/:id/notes/:noteId – edits the text of the caller's own note (404 for anyone else's)
  r.patch(
    "/courses/:id/notes/:noteId",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Edit a note",
        params: noteParams,
        body: noteUpdateSchema,
        response: responds(noteSchema),
      },
    },
    async (request) =>
      ok(
        await service.update(currentAuth(request), request.params.id, request.params.noteId, request.body),
        "Note saved",
      ),
  );

  // DELETE /courses/:id/notes/:noteId – the caller's own note only
  r.delete(
    "/courses/:id/notes/:noteId",
    {
      ...guard,
      schema: { tags, security, summary: "Delete a note", params: noteParams, response: responds(z.null()) },
    },
    async (request) => {
      await service.remove(currentAuth(request), request.params.id, request.params.noteId);
      return ok(null, "Note deleted");
    },
  );
}
