import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Several builds can live side by side (e.g. a dev server beside the production build the e2e tests use).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Pages regenerated at run time (ISR, see src/lib/public-cache.ts) stay in this process's memory (an LRU of
    // cacheMaxMemorySize, 50 MB) instead of being written under .next: a restart on another database (a reseed, a
    // test run) never serves the previous one's pages, and requests for made-up course ids can't fill the disk.
    isrFlushToDisk: false,
  },
  // Everything this app serves (pages, the API gateway, assets): no MIME sniffing, no framing, no full referrers.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
