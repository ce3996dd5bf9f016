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
  // Catalog files may be up to 5 MB (lib/catalogs/catalog-io.ts), plus multipart overhead.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
};

module.exports = withNextIntl(nextConfig);
