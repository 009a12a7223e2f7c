import fontkit from "@pdf-lib/fontkit";
import { PDFDict, PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { certificateFonts } from "./certificate.fonts.js";
import { encodable, printedDate, renderCertificatePdf } from "./certificate.pdf.js";

describe("the certificate PDF", () => {
  it("is one landscape A4 page", async () => {
    const bytes = await renderCertificatePdf({
      code: "MZXW6YTBMZXW6YTB",
      learnerName: "Sam Student",
      courseTitle: "Tiny Astronomy",
      creatorName: "Ada Creator",
      issuedAt: new Date("2026-03-14T10:00:00Z"),
      revoked: false,
      verificationUrl: "https://lumen.example/certificates/MZXW6YTBMZXW6YTB",
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(doc.getTitle()).toBe("Lumen certificate MZXW6YTBMZXW6YTB");
  });

  it("is the same file every time for the same certificate", async () => {
    const input = {
      code: "MZXW6YTBMZXW6YTB",
      learnerName: "Ελένη Дмитриева",
      courseTitle: "Tiny Astronomy",
      creatorName: "Ada Creator",
      issuedAt: new Date("2026-03-14T10:00:00Z"),
      revoked: false,
      verificationUrl: "https://lumen.example/certificates/MZXW6YTBMZXW6YTB",
    };
    const [a, b] = await Promise.all([renderCertificatePdf(input), renderCertificatePdf(input)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("writes Cyrillic, Greek and accented names as they are, in embedded subsets of DejaVu", async () => {
    const bytes = await renderCertificatePdf({
      code: "MZXW6YTBMZXW6YTB",
      learnerName: "Дмитрий Ελένη Łukasz Ōtani",
      courseTitle: "Введение в астрономию",
      creatorName: "Zoë Ünal",
      issuedAt: new Date("2026-03-14T10:00:00Z"),
      revoked: false,
      verificationUrl: "https://lumen.example/certificates/MZXW6YTBMZXW6YTB",
    });
    const doc = await PDFDocument.load(bytes);
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter((obj): obj is PDFDict => obj instanceof PDFDict && obj.get(PDFName.of("Type")) === PDFName.of("Font"))
      .map((font) => String(font.get(PDFName.of("BaseFont"))));
    // Subset names: "/ABCDEF+DejaVuSerif-Bold".
    expect(fonts).toContain("/LUMEND+DejaVuSerif-Bold");
    expect(fonts).toContain("/LUMENA+DejaVuSans");
    expect(fonts.some((name) => /Helvetica|Times/.test(name))).toBe(false);
    // Subsets, not the whole files (each is hundreds of kB).
    expect(bytes.length).toBeLessThan(200_000);
  });

  it("renders scripts the fonts lack instead of failing, and very long titles too", async () => {
    const bytes = await renderCertificatePdf({
      code: "MZXW6YTBMZXW6YTB",
      learnerName: "Łukasz Ōtani 李小龙",
      courseTitle: "A".repeat(300),
      creatorName: "Zoë Ünal",
      issuedAt: new Date("2026-03-14T10:00:00Z"),
      revoked: true,
      verificationUrl: "https://lumen.example/certificates/MZXW6YTBMZXW6YTB",
    });
    expect(Buffer.from(bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("keeps what the embedded font has, and replaces what it lacks", async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont((await certificateFonts()).serifBold, { subset: true });
    expect(encodable("Дмитрий Ελένη Zoë Ő", font)).toBe("Дмитрий Ελένη Zoë Ő");
    expect(encodable("Ada 李小龙", font)).toBe("Ada ???");
  });

  it("with a standard font, keeps what it can encode and simplifies or replaces the rest", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(encodable("Zoë Ünal", font)).toBe("Zoë Ünal");
    expect(encodable("Ōtani 李", font)).toBe("Otani ?");
  });

  it("prints the issue date in UTC", () => {
    expect(printedDate(new Date("2026-12-31T23:30:00Z"))).toBe("31 December 2026");
  });
});
