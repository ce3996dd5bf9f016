// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly packages load their own files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg"],
  typedRoutes: false,
  // A draft of up to 500 duties (lib/validation/catalog-editor.ts) is saved by one action. Files
  // (catalog imports, evidence) go through routes under /api that apply their own limits as they read.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // Earlier addresses of pages, kept for bookmarks and links in mails already sent.
  async redirects() {
    return [
      { source: "/duties", destination: "/checklists", permanent: true },
      { source: "/duties/:path*", destination: "/checklists/:path*", permanent: true },
      { source: "/rectification", destination: "/findings", permanent: true },
      { source: "/rectification/:path*", destination: "/findings/:path*", permanent: true },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
