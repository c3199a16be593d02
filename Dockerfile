# Hindsight production image. Build: docker build -t hindsight .
# Run: docker run -e DATABASE_URL=postgresql://… -e AUTH_SECRET=… -e APP_URL=https://hindsight.example.com -p 3000:3000 hindsight
# (or compose.yaml with PostgreSQL). Both stages use the same packaging script as `npm run package`,
# which e2e/package.spec.ts runs and serves.

FROM node:20.20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
# Dependencies first (cached while only sources change); postinstall generates the Prisma client.
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run package -- /out/hindsight

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HINDSIGHT_HOST=0.0.0.0
WORKDIR /app
# The packaged folder only: server.js, the traced node_modules, static assets, migrations and the
# entry point. Owned by the unprivileged "node" user of the base image (Next writes .next/cache).
COPY --from=build --chown=node:node /out/hindsight ./
USER node
EXPOSE 3000
# Ready = the database answers and every migration is applied (GET /api/ready).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Applies pending migrations, then serves.
CMD ["node", "hindsight-server.mjs"]
