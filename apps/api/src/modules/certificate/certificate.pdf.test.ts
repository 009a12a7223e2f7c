import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
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

  it("renders names the standard fonts can't spell instead of failing, and very long titles too", async () => {
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

  it("keeps what the font can encode and simplifies or replaces the rest", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(encodable("Zoë Ünal", font)).toBe("Zoë Ünal");
    expect(encodable("Ōtani 李", font)).toBe("Otani ?");
  });

  it("prints the issue date in UTC", () => {
    expect(printedDate(new Date("2026-12-31T23:30:00Z"))).toBe("31 December 2026");
  });
});
