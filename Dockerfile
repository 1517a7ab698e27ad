# syntax=docker/dockerfile:1
# Nuanxin 暖心: build once, run as a non-root user. server.ts (TLS 1.3, security headers, jobs,
# graceful shutdown) runs the built app; behind a TLS-terminating proxy set TLS_MODE=proxy.
# Build: docker build -t nuanxin:$(git rev-parse --short HEAD) .

ARG NODE_IMAGE=node:20.20-bookworm-slim

# 1. Dependencies, with the dev tools the build needs.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma.ts scripts/prisma-preload.cjs ./scripts/
COPY lib/db ./lib/db
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
# postinstall generates the Prisma client offline (no engine download: engineType "client").
RUN npm ci --no-audit --no-fund

# 2. The production bundle.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=deps /app/lib/generated ./lib/generated
RUN node node_modules/next/dist/bin/next build \
 && npm prune --omit=dev --no-audit --no-fund

# 3. What runs: the built app, server.ts and the domain it imports, production packages only.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# Each server process collects garbage within 320 MB of heap instead of growing towards V8's default.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 TLS_MODE=proxy PORT=3000 HTTP_PORT=0 WEB_CONCURRENCY=2 \
    NODE_OPTIONS=--max-old-space-size=320
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json /app/server.ts /app/auth.ts /app/prisma.config.ts ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/lib ./lib
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/scripts ./scripts
# The official image's unprivileged user (uid 1000); uploads go to a mounted volume.
RUN mkdir -p /app/.data/uploads && chown -R node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form): requests in flight finish, jobs stop, then exit 0.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "server.ts"]
