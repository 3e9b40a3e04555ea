/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel builds (e.g. several developers' checks) use separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite and the schema engine load .data/.wasm files at run time; bundling them breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "@node-rs/argon2", "pino", "prom-client"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
