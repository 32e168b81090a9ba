// docker-compose.yml and the Dockerfile: `docker compose config -q` accepts the file when the compose plugin
// exists; independently, the parsed file must wire Neo4j's healthcheck to the app's start.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const compose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
const hasCompose = compose.status === 0;
const skipReason = compose.error ? 'no docker client' : 'the docker client has no compose plugin';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const file = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  it.skipIf(!hasCompose)(
    `passes docker compose config -q${hasCompose ? '' : ` (skipped: ${skipReason})`}`,
    () => {
      const result = spawnSync('docker', ['compose', 'config', '-q'], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('runs Neo4j 5.26 Community with a cypher-shell healthcheck, memory settings and volumes', () => {
    const neo4j = file.services['neo4j']!;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck?.test.join(' ')).toContain('cypher-shell');
    expect(Object.keys(neo4j.environment ?? {})).toEqual(
      expect.arrayContaining([
        'NEO4J_AUTH',
        'NEO4J_server_memory_heap_max__size',
        'NEO4J_server_memory_pagecache_size',
      ]),
    );
    expect(neo4j.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
    expect(Object.keys(file.volumes)).toContain('neo4j-data');
  });

  it('starts the app only when Neo4j is healthy, pointed at it by NEO4J_URI', () => {
    const app = file.services['app']!;
    expect(app.build).toBeDefined();
    expect(app.depends_on?.['neo4j']?.condition).toBe('service_healthy');
    expect(app.environment?.['NEO4J_URI']).toBe('bolt://neo4j:7687');
  });

  it('publishes ports on 127.0.0.1 only', () => {
    for (const service of Object.values(file.services)) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it('builds the app image from node:20-slim and runs npm start', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
  });
});
