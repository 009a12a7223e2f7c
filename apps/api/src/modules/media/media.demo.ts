import fastifyStatic from "@fastify/static";
import { DEMO_MEDIA_PREFIX, demoVideoFromUrl } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { MediaSigner } from "./media.signing.js";

/**
 * The seed's demo media under /media/demo/. Thumbnails are public; videos belong to lessons, paid ones included,
 * so like uploaded videos they answer only to the signed links the API puts in the `video_url` of a lesson the
 * reader may see (a preview lesson's for anyone). Range requests let players seek.
 */
export async function demoMediaRoutes(app: FastifyInstance, opts: { root: string; signer: MediaSigner }) {
  const { signer } = opts;
  await app.register(async (demo) => {
    demo.addHook("onRequest", async (request, reply) => {
      const file = demoVideoFromUrl(request.url);
      if (!file) return;
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
