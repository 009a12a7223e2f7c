import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Several builds can live side by side (e.g. a dev server beside the production build the e2e tests use).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Workspace packages such as @lumen/contracts ship TypeScript source, not built JavaScript.
  transpilePackages: ["@lumen/contracts"],
  turbopack: {
    rules: {
      // Their NodeNext-style "./x.js" imports of ./x.ts need a rewrite under Turbopack (see the loader).
      "*.{ts,tsx}": {
        condition: { path: /(^|\/)packages\/[^/]+\/src\// },
        loaders: ["./turbopack/ts-js-specifier-loader.cjs"],
      },
    },
  },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
