import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
