import type { MediaKind } from "@lumen/contracts";

/** Enough of the file to recognise every accepted format (the EBML header names its DocType early). */
export const SNIFF_BYTES = 64;

export type Sniffed = { ok: true; kind: MediaKind; contentType: string } | { ok: false; detected: string | null };

const ascii = (head: Buffer, start: number, end: number) => head.subarray(start, end).toString("latin1");
const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** ISO base media major brands that browsers play as MP4 video (HEIF/AVIF images and M4A audio share the box). */
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "dash",
  "mmp4",
  "M4V ",
  "M4VH",
  "M4VP",
  "f4v ",
]);
const ISO_OTHER: Record<string, string> = {
  "qt  ": "a QuickTime movie (export it as MP4 or WebM)",
  "M4A ": "M4A audio",
  "M4B ": "M4B audio",
  heic: "a HEIC image",
  heix: "a HEIC image",
  mif1: "a HEIF image",
  avif: "an AVIF image",
  avis: "an AVIF image sequence",
};

function sniffIsoMedia(head: Buffer): Sniffed {
  const brand = ascii(head, 8, 12);
  if (MP4_BRANDS.has(brand)) return { ok: true, kind: "video", contentType: "video/mp4" };
  return { ok: false, detected: ISO_OTHER[brand] ?? `an ISO media file of brand "${brand.trim()}"` };
}

/** Ogg: the first page's first packet says which codec the stream carries. */
function sniffOgg(head: Buffer): Sniffed {
  const segments = head[26] ?? 0;
  const packet = head.subarray(27 + segments);
  const codec = ascii(packet, 0, 8);
  if (codec.startsWith("\x01vorbis") || codec.startsWith("OpusHead") || codec.startsWith("\x7fFLAC")) {
    return { ok: false, detected: "Ogg audio" };
  }
  return { ok: true, kind: "video", contentType: "video/ogg" };
}

function sniffEbml(head: Buffer): Sniffed {
  const text = head.toString("latin1");
  if (text.includes("webm")) return { ok: true, kind: "video", contentType: "video/webm" };
  if (text.includes("matroska")) return { ok: true, kind: "video", contentType: "video/x-matroska" };
  return { ok: false, detected: "an EBML file that is neither WebM nor Matroska" };
}

/** No control bytes other than tab, newline, form feed and carriage return (UTF-8 text, any language). */
function looksLikeText(head: Buffer): boolean {
  return head.length > 0 && head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d);
}

/** A name for common things people upload by mistake, so the error can say what the file is. */
function describeOther(head: Buffer): string | null {
  const text = head
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (
    text.startsWith("<svg") ||
    (text.startsWith("<?xml") && text.includes("<svg")) ||
    text.includes("<!doctype svg")
  ) {
    return "an SVG image (SVG can carry scripts, so it is not accepted)";
  }
  if (text.startsWith("<?xml")) return "an XML document";
  if (text.startsWith("<!doctype html") || text.startsWith("<html")) return "an HTML document";
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return "a PDF document";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "a ZIP archive";
  if (ascii(head, 0, 4) === "RIFF") return `a RIFF file of type "${ascii(head, 8, 12).trim()}"`;
  if (ascii(head, 0, 3) === "ID3" || startsWith(head, [0xff, 0xfb])) return "MP3 audio";
  if (looksLikeText(head)) return "a text file";
  return null;
}

/** Recognises the file from its first bytes. The name and the client's Content-Type are never consulted. */
export function sniffMedia(head: Buffer): Sniffed {
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(head);
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp") return sniffIsoMedia(head);
  if (ascii(head, 0, 4) === "OggS") return sniffOgg(head);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { ok: true, kind: "image", contentType: "image/png" };
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { ok: true, kind: "image", contentType: "image/jpeg" };
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") {
    return { ok: true, kind: "image", contentType: "image/gif" };
  }
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") {
    return { ok: true, kind: "image", contentType: "image/webp" };
  }
  return { ok: false, detected: describeOther(head) };
}
