import { AppError } from "../../lib/errors.js";
import type { ByteRange } from "./storage-driver.js";

/** The request headers that decide what a media response carries. */
export interface DeliveryRequest {
  range?: string | undefined;
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
  ifRange?: string | undefined;
}

export interface Representation {
  size: number;
  /** A strong entity tag, quoted. */
  etag: string;
  lastModified: Date;
}

export type Delivery = { status: 304 } | { status: 200 } | { status: 206; range: ByteRange };

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/**
 * One `bytes=` range (RFC 9110 §14.1.2): `a-b`, `a-` or the suffix `-n`, clipped to the object. Null means
 * "serve the whole object" (no header, another unit, several ranges or a malformed one, all of which a server
 * may ignore); "unsatisfiable" is a well-formed range that starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix)) return null;
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

function notModified(req: DeliveryRequest, rep: Representation): boolean {
  // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2), compared weakly.
  if (req.ifNoneMatch !== undefined) {
    const tags = req.ifNoneMatch.split(",").map(opaque);
    return tags.includes("*") || tags.includes(opaque(rep.etag));
  }
  if (req.ifModifiedSince !== undefined) {
    const since = Date.parse(req.ifModifiedSince);
    return !Number.isNaN(since) && seconds(rep.lastModified) <= Math.floor(since / 1000);
  }
  return false;
}

/** If-Range: the range applies only to the very representation the client already has part of. */
function rangeStillValid(ifRange: string | undefined, rep: Representation): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === rep.etag; // strong comparison
  const date = Date.parse(value);
  return !Number.isNaN(date) && Math.floor(date / 1000) === seconds(rep.lastModified);
}

/** 304, the whole object, or one range of it; a range past the end is a 416 in the envelope. */
export function planDelivery(req: DeliveryRequest, rep: Representation): Delivery {
  if (notModified(req, rep)) return { status: 304 };
  if (!rangeStillValid(req.ifRange, rep)) return { status: 200 };
  const range = parseRange(req.range, rep.size);
  if (range === null) return { status: 200 };
  if (range === "unsatisfiable") {
    throw new AppError(
      "RANGE_NOT_SATISFIABLE",
      `The requested range is outside the file, which is ${rep.size} bytes long`,
      { size: rep.size, range: req.range },
      { "content-range": `bytes */${rep.size}` },
    );
  }
  return { status: 206, range };
}
