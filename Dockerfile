# syntax=docker/dockerfile:1
# em-agent as a container: build with `docker build -t em-agent .`, run with
#   docker run -p 3000:3000 -e MONGODB_URI=mongodb://… -e SLACK_BOT_TOKEN=… -e SLACK_SIGNING_SECRET=… em-agent
# Set MONGODB_URI (MongoDB 6+) in production. Without it the bot starts an embedded mongodb-memory-server,
# which downloads mongod on first start and keeps its data in /app/.data: fine for a trial, not for production.

# ---- build: all dependencies, TypeScript → dist/ ----
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# `npm run build` runs scripts/with-node.sh, which keeps this image's Node (it only fetches one below 24).
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/ scripts/
COPY bot/ bot/
COPY handlers/ handlers/
COPY cards/ cards/
COPY jobs/ jobs/
COPY data/ data/
RUN npm run build

# ---- runtime: production dependencies and the compiled JavaScript only ----
FROM node:24-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts at run time: the only one, botbuilder-dialogs' `npx rimraf` clean-up of nested duplicates,
# needs a devDependency and changes nothing the bot uses.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && rm -rf /root/.npm
# dist/bot/project-root.js walks up from dist/bot/ to /app, where package.json is.
COPY --from=build /app/dist ./dist
# The demo's data files sit beside its compiled modules, which read them from their own folder.
COPY --from=build /app/data/demo/events.json /app/data/demo/demo-policy.yaml ./dist/data/demo/
COPY --from=build /app/data/demo/docs ./dist/data/demo/docs
# The code stays root-owned and read-only for the app; only the embedded database's folder is writable.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/healthz`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/bot/cli.js", "start"]
