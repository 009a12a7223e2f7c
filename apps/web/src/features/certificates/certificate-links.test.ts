import { describe, expect, it } from "vitest";
import { formatIssueDate, linkedInAddUrl } from "./certificate-links";

describe("linkedInAddUrl", () => {
  it("prefills LinkedIn's certification form with the course, Lumen, the issue month and the verification link", () => {
    const url = new URL(
      linkedInAddUrl(
        { code: "MZXW6YTBMZXW6YTB", course_title: "Cells & Energy: part 1/2", issued_at: "2026-12-31T23:30:00.000Z" },
        "https://lumen.example/certificates/MZXW6YTBMZXW6YTB",
      ),
    );
    expect(`${url.origin}${url.pathname}`).toBe("https://www.linkedin.com/profile/add");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: "CERTIFICATION_NAME",
      name: "Cells & Energy: part 1/2",
      organizationName: "Lumen",
      issueYear: "2026",
      issueMonth: "12",
      certUrl: "https://lumen.example/certificates/MZXW6YTBMZXW6YTB",
      certId: "MZXW6YTBMZXW6YTB",
    });
    // The ampersand in the title is encoded, not a new parameter.
    expect(url.search).toContain("name=Cells+%26+Energy");
  });

  it("dates the certificate in UTC, as the PDF does", () => {
    expect(formatIssueDate("2026-01-01T00:30:00.000Z")).toBe("1 January 2026");
  });
});
