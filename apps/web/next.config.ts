import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Several builds can live side by side (e.g. a dev server beside the production build the e2e tests use).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
