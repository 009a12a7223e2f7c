// @vitest-environment happy-dom
import type { MyCertificate, PublicCertificate } from "@lumen/contracts";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { linkedInAddUrl } from "../certificate-links";
import { CertificateView } from "./certificate-view";
import { EarnedCertificateNote } from "./earned-certificate-note";
import { MyCertificates } from "./my-certificates";

const COURSE_ID = "c0a8012e-7d1f-4a55-9d0e-3f5b1c2a9e01";

const certificate = (overrides: Partial<PublicCertificate> = {}): PublicCertificate => ({
  code: "MZXW6YTBMZXW6YTB",
  learner_name: "Sam Student",
  course_title: "Tiny Astronomy",
  creator_name: "Ada Creator",
  issued_at: "2026-03-14T10:00:00.000Z",
  status: "valid",
  revoked_at: null,
  ...overrides,
});

const mine = (overrides: Partial<MyCertificate> = {}): MyCertificate => ({
  ...certificate(),
  course_id: COURSE_ID,
  revoked_reason: null,
  ...overrides,
});

afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

describe("CertificateView", () => {
  const linkedIn = linkedInAddUrl(certificate(), "https://lumen.example/certificates/MZXW6YTBMZXW6YTB");

  it("states who earned what from whom and when, with download and share", () => {
    render(<CertificateView certificate={certificate()} linkedInUrl={linkedIn} />);
    const article = screen.getByRole("article", { name: "Certificate of completion" });
    const text = article.textContent ?? "";
    for (const part of ["Valid certificate", "Sam Student", "Tiny Astronomy", "Ada Creator", "14 March 2026"]) {
      expect(text).toContain(part);
    }
    expect(text).toContain("MZXW6YTBMZXW6YTB");
    const pdf = within(article).getByRole("link", { name: "Download PDF" });
    expect(pdf.getAttribute("href")).toBe("/api/v1/certificates/MZXW6YTBMZXW6YTB/pdf");
    expect(pdf.hasAttribute("download")).toBe(true);
    const share = within(article).getByRole("link", { name: /Share on LinkedIn/ });
    expect(share.getAttribute("href")).toBe(linkedIn);
    expect(share.getAttribute("target")).toBe("_blank");
    expect(share.getAttribute("rel")).toContain("noopener");
  });

  it("says a revoked certificate is no longer valid and offers no sharing", () => {
    render(
      <CertificateView
        certificate={certificate({ status: "revoked", revoked_at: "2026-04-01T09:00:00.000Z" })}
        linkedInUrl={linkedIn}
      />,
    );
    expect(screen.getByText(/Revoked on 1 April 2026: no longer valid/)).toBeTruthy();
    expect(screen.queryByText("Valid certificate")).toBeNull();
    expect(screen.queryByRole("link", { name: /LinkedIn/ })).toBeNull();
    expect(screen.getByRole("link", { name: "Download PDF" })).toBeTruthy();
  });
});

describe("MyCertificates", () => {
  it("lists each certificate linking to its verification page, revoked ones marked", () => {
    renderWithRouter(
      <MyCertificates
        resource={{
          status: "ready",
          data: {
            items: [
              mine(),
              mine({ code: "AAAAAAAAAAAAAAAA", course_title: "Refunded Course", status: "revoked", course_id: "x" }),
            ],
          },
        }}
        onRetry={() => undefined}
      />,
    );
    const section = screen.getByRole("region", { name: "Certificates" });
    const links = within(section).getAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "/certificates/MZXW6YTBMZXW6YTB",
      "/certificates/AAAAAAAAAAAAAAAA",
    ]);
    expect(links[0]?.textContent).toContain("Earned 14 March 2026");
    expect(links[1]?.textContent).toContain("Revoked");
  });

  it("tells a learner without certificates how to earn one", () => {
    renderWithRouter(<MyCertificates resource={{ status: "ready", data: { items: [] } }} onRetry={() => undefined} />);
    expect(screen.getByText(/Finish every lesson of a course and pass its quizzes/)).toBeTruthy();
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("offers a retry when the list fails", async () => {
    let retried = 0;
    renderWithRouter(
      <MyCertificates
        resource={{ status: "error", error: new Error("boom") }}
        onRetry={() => {
          retried++;
        }}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("We couldn't load your certificates.");
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    expect(retried).toBe(1);
  });
});

describe("EarnedCertificateNote", () => {
  it("links to the learner's valid certificate for the course, asking for that course only", async () => {
    signInAs(testUser());
    const { calls } = serveApi({ "GET /certificates": ok({ items: [mine()] }) });
    renderWithRouter(<EarnedCertificateNote courseId={COURSE_ID} />);
    const link = await screen.findByRole("link", { name: "view your certificate" });
    expect(link.getAttribute("href")).toBe("/certificates/MZXW6YTBMZXW6YTB");
    expect(link.closest("p")?.textContent).toContain("You earned a certificate");
    expect(calls.map((c) => c.query.get("course_id"))).toEqual([COURSE_ID]);
  });
});
