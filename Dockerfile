# The Dongxi app for docker-compose.yml: Node 20, dependencies from the lock file, the client bundle built
# into the image. Neo4j runs in its own container (NEO4J_URI), so no Java is needed here.
FROM node:20-slim

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build:client && chown -R node:node /app

USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["npm", "start"]
