# The API with its inline worker and console. The image is built once: `npm run build` runs here,
# and the container runs `node` directly (PID 1 gets SIGTERM and shuts down gracefully).
# The embedded PGlite listens on loopback only, so the image needs DATABASE_URL and JWT_SECRET.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/public ./apps/web/public
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# up and degraded are 200, down is 503; see GET /health.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
