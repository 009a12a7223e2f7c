import fastifyStatic from "@fastify/static";
import { DEMO_MEDIA_PREFIX, demoFileKind } from "@lumen/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../lib/errors.js";
import type { MediaSigner } from "./media.signing.js";

/**
 * The demo file a request names, decoded once as the static server decodes it ("%73ql.webm" is "sql.webm"), or
 * null when the path can't be decoded. The signature check must judge the file that would be sent, not the URL's
 * spelling: checking the raw URL let any percent-encoded spelling of a paid video skip it.
 */
function requestedFile(request: FastifyRequest): string | null {
  const raw = request.url.slice(DEMO_MEDIA_PREFIX.length).split("?", 1)[0] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The seed's demo media under /media/demo/. Thumbnails are public; videos belong to lessons, paid ones included,
 * so like uploaded videos they answer only to the signed links the API puts in the `video_url` of a lesson the
 * reader may see (a preview lesson's for anyone). Anything else under the prefix is refused before the static
 * server looks at it. Range requests let players seek.
 */
export async function demoMediaRoutes(app: FastifyInstance, opts: { root: string; signer: MediaSigner }) {
  const { signer } = opts;
  await app.register(async (demo) => {
    demo.addHook("onRequest", async (request, reply) => {
      const file = requestedFile(request);
      const kind = file === null ? null : demoFileKind(file);
      // Thumbnails are public; a video needs its signature; nothing else under the prefix is served.
      if (kind === "image") return;
      if (kind === null) throw new AppError("NOT_FOUND", "No such demo file");
      const query = request.query as { exp?: unknown; sig?: unknown };
      const exp = signer.verify(
        `demo/${file}`,
        typeof query.exp === "string" ? query.exp : undefined,
        typeof query.sig === "string" ? query.sig : undefined,
      );
      // Private: one reader's link must not be served to others from a shared cache.
      reply.header("cache-control", `private, max-age=${Math.min(signer.secondsLeft(exp), 86_400)}`);
    });
    await demo.register(fastifyStatic, {
      root: opts.root,
      prefix: DEMO_MEDIA_PREFIX,
      acceptRanges: true,
      // Videos carry the private header set above; thumbnails are public for a day.
      setHeaders: (reply, filePath) => {
        if (!/\.(webm|mp4)$/.test(filePath)) reply.header("cache-control", "public, max-age=86400");
      },
      cacheControl: false,
      etag: true,
      lastModified: true,
      index: false,
      list: false,
      decorateReply: false,
    });
  });
}
