import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded-database packages and the WebAssembly schema engine are launcher/tooling only.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@prisma/schema-engine-wasm', 'pg'],
  typedRoutes: false,
  experimental: {
    // The CSV import (5 MB of text) and the team import (a 20 MB export) travel in server action
    // bodies; the proxy buffers request bodies too, so both limits move together.
    serverActions: { bodySizeLimit: '21mb' },
    proxyClientMaxBodySize: '21mb',
  },
};

export default nextConfig;
