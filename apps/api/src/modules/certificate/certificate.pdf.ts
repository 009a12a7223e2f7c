import fontkit from "@pdf-lib/fontkit";
import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { certificateFonts } from "./certificate.fonts.js";

export interface CertificatePdfInput {
  code: string;
  learnerName: string;
  courseTitle: string;
  creatorName: string;
  issuedAt: Date;
  revoked: boolean;
  verificationUrl: string;
}

const PRODUCT = "Lumen";
const INK = rgb(0.11, 0.12, 0.16);
const MUTED = rgb(0.38, 0.4, 0.46);
const ACCENT = rgb(0.27, 0.31, 0.87);
const REVOKED = rgb(0.72, 0.11, 0.11);

/**
 * What of `text` the font can draw: a character it has no glyph for loses its accent if that helps ("ő" → "o" only
 * when "ő" itself is missing) and becomes "?" otherwise, so any name renders (never an empty box) instead of
 * failing the download. Embedded fonts tell their characters; the standard ones are asked to encode.
 */
export function encodable(text: string, font: PDFFont): string {
  const charset = characterSet(font);
  const fits = (s: string) => {
    if (charset) return [...s].every((ch) => charset.has(ch.codePointAt(0) as number));
    try {
      font.encodeText(s);
      return true;
    } catch {
      return false;
    }
  };
  if (fits(text)) return text;
  let out = "";
  for (const ch of text) {
    if (fits(ch)) out += ch;
    else {
      const bare = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      out += bare && fits(bare) ? bare : "?";
    }
  }
  return out;
}

const characterSets = new WeakMap<PDFFont, Set<number> | null>();
/**
 * An embedded (fontkit) font's code points, listed once per font (a certificate asks for each line); null for a
 * standard font, which throws from getCharacterSet and is asked to encode instead.
 */
function characterSet(font: PDFFont): Set<number> | null {
  let set = characterSets.get(font);
  if (set === undefined) {
    try {
      set = new Set(font.getCharacterSet());
    } catch {
      set = null;
    }
    characterSets.set(font, set);
  }
  return set;
}

/** The date as printed: "4 December 2026" (UTC, so every server prints the same day). */
export function printedDate(at: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    at,
  );
}

/** Draws `text` centred on the page, shrinking it (down to `min`) to fit `maxWidth`. */
function centred(
  page: PDFPage,
  raw: string,
  opts: { y: number; size: number; font: PDFFont; color: ReturnType<typeof rgb>; maxWidth: number; min?: number },
) {
  const text = encodable(raw, opts.font);
  let size = opts.size;
  const floor = opts.min ?? Math.min(opts.size, 10);
  while (size > floor && opts.font.widthOfTextAtSize(text, size) > opts.maxWidth) size -= 1;
  let shown = text;
  // Still too wide at the smallest size: cut with an ellipsis rather than run off the page.
  while (shown.length > 1 && opts.font.widthOfTextAtSize(shown, size) > opts.maxWidth) shown = shown.slice(0, -2);
  if (shown !== text) shown = `${shown.slice(0, -1)}…`;
  const width = opts.font.widthOfTextAtSize(shown, size);
  page.drawText(shown, { x: (page.getWidth() - width) / 2, y: opts.y, size, font: opts.font, color: opts.color });
}

/** A landscape A4 certificate: product, learner, course, creator, date, code and where to verify it. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const title = `${PRODUCT} certificate ${input.code}`;
  doc.setTitle(title);
  doc.setSubject(`Certificate of completion ${input.code}: ${input.verificationUrl}`);
  doc.setKeywords(["certificate", input.code]);
  doc.setAuthor(PRODUCT);
  doc.setCreator(PRODUCT);
  doc.setProducer(PRODUCT);
  // The certificate's own date, not the download's: the same certificate gives the same file.
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);

  const [a4Short, a4Long] = PageSizes.A4;
  const page = doc.addPage([a4Long, a4Short]);
  const width = page.getWidth();
  const height = page.getHeight();
  doc.registerFontkit(fontkit);
  const files = await certificateFonts();
  // Named, not left to pdf-lib's random suffix, so the same certificate gives the same bytes (a subset's name is a
  // six-letter tag, "+", the font's name).
  const embed = (bytes: Uint8Array, tag: string, name: string) =>
    doc.embedFont(bytes, { subset: true, customName: `${tag}+${name}` });
  const [sans, sansBold, serif, serifBold] = await Promise.all([
    embed(files.sans, "LUMENA", "DejaVuSans"),
    embed(files.sansBold, "LUMENB", "DejaVuSans-Bold"),
    embed(files.serif, "LUMENC", "DejaVuSerif"),
    embed(files.serifBold, "LUMEND", "DejaVuSerif-Bold"),
  ]);
  const maxWidth = width - 160;

  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: ACCENT, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: MUTED, borderWidth: 0.75 });

  centred(page, PRODUCT.toUpperCase(), { y: height - 100, size: 20, font: sansBold, color: ACCENT, maxWidth });
  centred(page, "Certificate of Completion", { y: height - 160, size: 38, font: serifBold, color: INK, maxWidth });
  centred(page, "This certifies that", { y: height - 215, size: 14, font: sans, color: MUTED, maxWidth });
  centred(page, input.learnerName, { y: height - 268, size: 34, font: serifBold, color: INK, maxWidth, min: 16 });
  centred(page, "has completed the course", { y: height - 310, size: 14, font: sans, color: MUTED, maxWidth });
  centred(page, input.courseTitle, { y: height - 352, size: 24, font: serif, color: INK, maxWidth, min: 12 });
  centred(page, `taught by ${input.creatorName}`, { y: height - 388, size: 14, font: sans, color: INK, maxWidth });
  centred(page, `Issued ${printedDate(input.issuedAt)}`, {
    y: height - 430,
    size: 13,
    font: sans,
    color: INK,
    maxWidth,
  });

  if (input.revoked) {
    centred(page, "REVOKED: this certificate is no longer valid", {
      y: height - 465,
      size: 16,
      font: sansBold,
      color: REVOKED,
      maxWidth,
    });
  }

  page.drawLine({ start: { x: 80, y: 112 }, end: { x: width - 80, y: 112 }, thickness: 0.5, color: MUTED });
  centred(page, `Certificate ID ${input.code}`, { y: 88, size: 12, font: sansBold, color: INK, maxWidth });
  centred(page, `Verify at ${input.verificationUrl}`, { y: 68, size: 11, font: sans, color: MUTED, maxWidth, min: 7 });

  return doc.save();
}
