# syntax=docker/dockerfile:1
# One image recipe for the five services. Build one image per service:
#   docker build --build-arg SERVICE=registration -t mrm/registration .
# The image runs dist/apps/$SERVICE/src/main.js; the migration Job / compose one-shot runs
#   node dist/apps/$SERVICE/src/migrate.js

# Node 24 LTS, the patch CI runs the whole suite on (.ci/run NODE24_VERSION, package.json engines,
# ADR 0017). Release builds pass the in-country mirror of this image pinned by digest:
#   --build-arg NODE_IMAGE=<registry>/mirror/node@sha256:<digest>
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# swagger-ui-dist pulls @scarf/scarf, whose install script phones home.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts at runtime: no production dependency needs one (the only one, @scarf/scarf,
# is telemetry), and a `prepare` hook such as husky would fail without dev dependencies.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
# Versioned configuration data read at boot (reintegration's chains, visit schedules, RSS weights;
# reporting's DHIS2 mapping).
COPY --from=build /app/apps/reintegration/config ./apps/reintegration/config
COPY --from=build /app/apps/reporting/config ./apps/reporting/config

ARG SERVICE
ENV SERVICE=${SERVICE}
# Fail the build, not the pod, when SERVICE is missing or misspelt.
RUN test -n "$SERVICE" && test -f "dist/apps/$SERVICE/src/main.js" && test -f "dist/apps/$SERVICE/src/migrate.js"

# The `node` user of the base image; numeric so that runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3001 3002 3003 3004 3005
# exec: node becomes PID 1 and receives SIGTERM for the graceful shutdown. The node options are
# SERVICE_NODE_FLAGS of libs/runtime/src/node-flags.ts (ADR 0007).
CMD ["/bin/sh", "-c", "exec node --max-semi-space-size=32 \"dist/apps/${SERVICE}/src/main.js\""]
