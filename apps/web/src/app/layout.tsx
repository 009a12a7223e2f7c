import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { MotionProvider } from "@/components/motion/motion-provider";
import { SessionBootstrap } from "@/components/session-bootstrap";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { THEME_SCRIPT } from "@/components/theme-toggle";
import { appUrl } from "@/env";
import "./globals.css";

const DESCRIPTION =
  "Learn from video courses with an AI tutor that answers from the lesson and cites the exact second of the video. Your progress is saved to the second, and quizzes check what you learned.";

export const metadata: Metadata = {
  // Relative og/canonical URLs resolve against APP_URL, never the request's host.
  metadataBase: new URL(appUrl()),
  title: { default: "Lumen · Learn with an AI tutor that shows you the moment", template: "%s · Lumen" },
  description: DESCRIPTION,
  applicationName: "Lumen",
  openGraph: {
    type: "website",
    siteName: "Lumen",
    title: "Lumen · Learn with an AI tutor that shows you the moment",
    description: DESCRIPTION,
    locale: "en_US",
  },
  twitter: { card: "summary", title: "Lumen", description: DESCRIPTION },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8f7f4" },
    { media: "(prefers-color-scheme: dark)", color: "#0d0f14" },
  ],
};

/**
 * Shared by cached pages (landing, catalog, course pages) and pages rendered per request, so it reads nothing of
 * the request: the theme script is allowed by its hash in the CSP (lib/security-headers.ts), not by a nonce. Every
 * page outside lib/public-cache.ts's three says `dynamic = "force-dynamic"` itself or through its group's layout
 * (app/dynamic-pages.test.ts checks it), so its nonce reaches Next's scripts.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that applies the saved theme before paint */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <SessionBootstrap />
        <MotionProvider>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-3 focus:z-50 focus:rounded-full focus:bg-primary focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-primary-foreground"
          >
            Skip to content
          </a>
          <SiteHeader />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter />
        </MotionProvider>
      </body>
    </html>
  );
}
