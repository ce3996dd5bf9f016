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
};

module.exports = withNextIntl(nextConfig);
