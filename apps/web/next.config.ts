import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Several builds can live side by side (e.g. a dev server beside the production build the e2e tests use).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
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
