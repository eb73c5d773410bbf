# syntax=docker/dockerfile:1
# The SaaSReady server: `node packages/server/dist/cli.js start` (what `npm start` runs), as the
# unprivileged user `node`, NODE_ENV=production. See compose.yaml for PostgreSQL and Redis beside it.
#
# This image is NOT built in CI (no container engine runs there). What CI does check
# (packages/server/test/repository.test.ts): every path copied here exists, and every command run
# here is one CI runs itself: `npm ci`, `npm run build`, and the start command of `npm start`.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY packages ./packages
COPY examples ./examples
# --ignore-scripts: the root prepare script would build once more; the build is the next command
RUN npm ci --ignore-scripts && npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8000 DATA_DIR=/data
WORKDIR /app
# the production install: the server's dependencies only (every workspace manifest is needed for the lock)
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/server/package.json packages/server/
COPY packages/sdk/package.json packages/sdk/
COPY packages/admin/package.json packages/admin/
COPY packages/test-kit/package.json packages/test-kit/
COPY packages/bench/package.json packages/bench/
COPY examples/projects-api/package.json examples/projects-api/
RUN npm ci --omit=dev --ignore-scripts --workspace @saasready/server --cache /tmp/npm-cache && rm -rf /tmp/npm-cache
COPY packages/server/bin packages/server/bin
COPY packages/server/drizzle packages/server/drizzle
COPY --from=build /app/packages/contracts/dist packages/contracts/dist
COPY --from=build /app/packages/server/dist packages/server/dist
COPY --from=build /app/packages/admin/dist packages/admin/dist
# DATA_DIR: the embedded database when DATABASE_URL is unset (one container per volume)
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "packages/server/dist/cli.js", "start"]
