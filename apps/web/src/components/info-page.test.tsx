// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import AboutPage from "@/app/(public)/about/page";
import HelpPage from "@/app/(public)/help/page";
import PrivacyPage from "@/app/(public)/privacy/page";
import TermsPage from "@/app/(public)/terms/page";
import { InfoPage } from "./info-page";
import { SiteFooter } from "./site-footer";

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

describe("InfoPage", () => {
  it("lists its sections and links each to its heading", () => {
    render(
      <InfoPage
        title="Policy"
        lead="Lead"
        updated="2026-12-04"
        sections={[
          { id: "a", title: "Alpha", body: <p>one</p> },
          { id: "b", title: "Beta", body: <p>two</p> },
          { id: "c", title: "Gamma", body: <p>three</p> },
        ]}
      />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Policy" })).toBeTruthy();
    const toc = screen.getByRole("navigation", { name: "On this page" });
    const links = within(toc).getAllByRole("link");
    expect(links.map((l) => l.getAttribute("href"))).toEqual(["#a", "#b", "#c"]);
    for (const name of ["Alpha", "Beta", "Gamma"]) {
      const heading = screen.getByRole("heading", { level: 2, name });
      expect(screen.getByRole("region", { name }).contains(heading)).toBe(true);
    }
    expect(screen.getByText("December 4, 2026").getAttribute("datetime")).toBe("2026-12-04");
  });

  it("leaves the contents list out for one or two sections", () => {
    render(<InfoPage title="Short" lead="Lead" sections={[{ id: "a", title: "Only", body: <p>x</p> }]} />);
    expect(screen.queryByRole("navigation", { name: "On this page" })).toBeNull();
  });
});

describe("reading pages", () => {
  it("the help page answers common questions and gives the support address", () => {
    vi.stubEnv("SUPPORT_EMAIL", "help@school.example");
    render(<HelpPage />);
    expect(screen.getByRole("heading", { level: 1, name: "Help" })).toBeTruthy();
    expect(screen.getByText("What can the AI tutor answer?")).toBeTruthy();
    expect(screen.getByRole("link", { name: "help@school.example" }).getAttribute("href")).toBe(
      "mailto:help@school.example",
    );
  });

  it("terms and privacy carry a date and the support address, the default one when unset", () => {
    vi.stubEnv("SUPPORT_EMAIL", "");
    const { unmount } = render(<TermsPage />);
    expect(screen.getByRole("heading", { level: 1, name: "Terms of use" })).toBeTruthy();
    expect(screen.getAllByRole("link", { name: "support@lumen.dev" }).length).toBeGreaterThan(0);
    expect(screen.getByText(/Last updated/)).toBeTruthy();
    unmount();
    render(<PrivacyPage />);
    expect(screen.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Cookies and storage" }).textContent).toMatch(/no advertising/i);
    expect(screen.getByRole("link", { name: "support@lumen.dev" }).getAttribute("href")).toBe(
      "mailto:support@lumen.dev",
    );
  });

  it("the about page links to the privacy notice", () => {
    render(<AboutPage />);
    expect(screen.getByRole("link", { name: "privacy notice" }).getAttribute("href")).toBe("/privacy");
  });
});

describe("SiteFooter", () => {
  it("links every reading page for everyone", () => {
    render(<SiteFooter />);
    const footer = screen.getByRole("navigation", { name: "Footer" });
    for (const [name, href] of [
      ["About", "/about"],
      ["Help and contact", "/help"],
      ["Terms", "/terms"],
      ["Privacy", "/privacy"],
    ]) {
      expect(within(footer).getByRole("link", { name }).getAttribute("href")).toBe(href);
    }
  });
});
