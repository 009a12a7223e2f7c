import { instructorProfileSchema } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import type { InstructorService } from "./instructor.service.js";

export function instructorRoutes(app: FastifyInstance, opts: { service: InstructorService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // GET /instructors/:id – public: name, bio and figures over their published courses (their courses come from
  // GET /courses?creator_id=:id)
  r.get(
    "/instructors/:id",
    {
      schema: {
        tags: ["courses"],
        summary: "An instructor's public profile",
        params: z.object({ id: z.uuid() }),
        response: responds(instructorProfileSchema),
      },
    },
    async (request) => ok(await opts.service.profile(request.params.id)),
  );
}
