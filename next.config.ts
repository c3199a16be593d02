import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Self-contained server (server.js + the traced node_modules): what npm start and the Docker
  // image run; scripts/lib/standalone.ts adds the static files, migrations and the entry point.
  output: 'standalone',
  reactStrictMode: true,
  // The embedded-database packages and the WebAssembly schema engine are launcher/tooling only.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@prisma/schema-engine-wasm', 'pg'],
  typedRoutes: false,
};

export default nextConfig;
