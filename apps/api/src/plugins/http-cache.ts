import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type CacheEntry, strongEtag } from "../lib/cache.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** "public": a guest's 200 may be stored by browsers and CDNs (see registerHttpCache). */
    httpCache?: "public";
    /** A public read's own Cache-Control for guests, when the default's minutes are too long (see SHORT_PUBLIC_READ). */
    publicCacheControl?: string;
  }
}

/** Route config of a public read. */
export const PUBLIC_READ = { httpCache: "public" } as const;

/** A public read's conditional answer, added to its response schemas (and so to the OpenAPI document). */
const NOT_MODIFIED = z
  .null()
  .describe(
    "Not Modified: a guest's If-None-Match names the current ETag (weak comparison; a list or * also match). No body.",
  );

/**
 * A minute in browsers, five minutes in a CDN, and up to ten more minutes of a stale copy while the CDN
 * revalidates in the background. An edit shows up on the API at once (the server cache is versioned) and at the
 * edge within s-maxage; revalidation is a cheap 304 on an unchanged ETag.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";
/** Half a minute anywhere and no stale copies: for public reads whose change must show promptly (a revocation). */
export const SHORT_PUBLIC_CACHE_CONTROL = "public, max-age=30, s-maxage=30";
/** Route config of a public read that must not be served stale for long. */
export const SHORT_PUBLIC_READ = { httpCache: "public", publicCacheControl: SHORT_PUBLIC_CACHE_CONTROL } as const;
export const PRIVATE_CACHE_CONTROL = "private, no-store";
/** The request headers that change a public read's body: the caller (guest or not) and the encoding. */
const PUBLIC_VARY = ["Accept-Encoding", "Authorization"];

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored, a list matches any member. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const wanted = opaque(etag);
  return header.split(",").some((t) => {
    const tag = opaque(t);
    return tag === "*" || tag === wanted;
  });
}

function addVary(reply: FastifyReply, names: string[]) {
  const current = reply.getHeader("vary");
  const have = (typeof current === "string" ? current.split(",") : Array.isArray(current) ? current : [])
    .map((v) => String(v).trim())
    .filter(Boolean);
  const lower = new Set(have.map((v) => v.toLowerCase()));
  reply.header("vary", [...have, ...names.filter((n) => !lower.has(n.toLowerCase()))].join(", "));
}

const isRead = (request: FastifyRequest) => request.method === "GET" || request.method === "HEAD";

/**
 * Every API answer says how it may be cached. A route marked PUBLIC_READ answers a guest's successful GET/HEAD
 * with a strong ETag (of the exact body), the public Cache-Control and 304 to a matching If-None-Match; the
 * same route signed in, every error and every other route answer `private, no-store`. Routes that set their
 * own Cache-Control (media, the tutor's event stream) keep it.
 */
export function registerHttpCache(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    if (route.config?.httpCache !== "public" || !route.schema) return;
    route.schema.response = { ...(route.schema.response as object), 304: NOT_MODIFIED };
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (reply.hasHeader("cache-control")) return payload;
    const publicRoute = request.routeOptions.config?.httpCache === "public";
    if (publicRoute) addVary(reply, PUBLIC_VARY);
    const shareable =
      publicRoute && isRead(request) && reply.statusCode === 200 && !request.headers.authorization && !request.auth;
    if (!shareable) {
      reply.header("cache-control", PRIVATE_CACHE_CONTROL);
      return payload;
    }
    reply.header("cache-control", request.routeOptions.config?.publicCacheControl ?? PUBLIC_CACHE_CONTROL);
    let etag = reply.getHeader("etag");
    if (typeof etag !== "string") {
      if (typeof payload !== "string") return payload;
      etag = strongEtag(payload);
      reply.header("etag", etag);
    }
    if (!matchesIfNoneMatch(request.headers["if-none-match"], etag)) return payload;
    reply.code(304);
    reply.removeHeader("content-type");
    reply.removeHeader("content-length");
    // Fastify's HEAD handler (which runs after this hook) measures a string payload and fails on null; an empty
    // stream passes through it with no Content-Length, which a 304 must not carry.
    return request.method === "HEAD" ? Readable.from([]) : null;
  });
}

/** Answers with a cached entry's body as is (serialised once, when it was computed) and its ETag. */
export function sendEntry(reply: FastifyReply, entry: CacheEntry<unknown>): FastifyReply {
  return reply.header("etag", entry.etag).type("application/json; charset=utf-8").send(entry.body);
}
