# Aviso's container image. Build stage: install, compile the SQLite driver and the TypeScript, then
# keep only production dependencies. Run stage: Node.js, the compiled app, a non-root user.
# Where no image registry is reachable, scripts/container.sh builds both base images from Debian
# packages and passes them in; elsewhere the official Node.js images are used.
ARG BUILD_BASE=docker.io/library/node:20-bookworm
ARG RUN_BASE=docker.io/library/node:20-bookworm-slim

FROM ${BUILD_BASE} AS build
ARG NPM_CONFIG_REGISTRY
ARG NPM_CONFIG_CAFILE
ENV npm_config_nodedir=/usr npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.js scripts/build.js
COPY src src
RUN npm rebuild better-sqlite3 && npm run build && npm prune --omit=dev

FROM ${RUN_BASE}
ENV NODE_ENV=production AVISO_DATA_DIR=/data HOST=0.0.0.0 PORT=3000
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin aviso \
  && mkdir -p /data && chown aviso:aviso /data
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json LICENSE ./
COPY bin bin
COPY examples examples
COPY docs docs
USER aviso
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs as PID 1 and handles SIGTERM itself: it finishes requests and the running job, then exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=1", "dist/main.js"]
