import type { NextConfig } from 'next';
import { MAX_REQUEST_BODY_MB } from './lib/http/body-limit';
import { STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Self-contained server (server.js + the traced node_modules): what npm start and the Docker
  // image run; scripts/lib/standalone.ts adds the static files, migrations and the entry point.
  output: 'standalone',
  reactStrictMode: true,
  // The embedded-database packages and the WebAssembly schema engine are launcher/tooling only.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@prisma/schema-engine-wasm', 'pg'],
  typedRoutes: false,
  // npm test runs tsc as its own tier beside the build, so its build skips Next's second type
  // check (half of the build's time on two cores); npm run build / npm start keep it.
  typescript: { ignoreBuildErrors: process.env.HINDSIGHT_BUILD_SKIP_TYPECHECK === '1' },
  experimental: {
    // The CSV import (5 MB of text) and the team import (a 20 MB export) travel in server action
    // bodies; the proxy buffers request bodies too, so both limits move together.
    serverActions: { bodySizeLimit: `${MAX_REQUEST_BODY_MB}mb` },
    proxyClientMaxBodySize: `${MAX_REQUEST_BODY_MB}mb`,
  },
  // Static files skip the proxy (proxy.ts adds these and the per-request CSP to everything else).
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
