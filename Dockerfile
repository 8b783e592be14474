# The Interlock app, for use with a Neo4j server (see docker-compose.yml). The embedded Neo4j is not
# needed in the image: NEO4J_URI always points at the server.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 INTERLOCK_OPEN_BROWSER=0
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY server/neo4j ./server/neo4j
COPY web ./web
COPY schemas ./schemas
COPY shared ./shared
# postinstall skips the embedded Neo4j (no Java here) and builds the page.
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
EXPOSE 8080
# node directly (not npm or npx), so SIGTERM from `docker stop` reaches the app.
CMD ["node", "--import", "tsx", "server/main.ts"]
