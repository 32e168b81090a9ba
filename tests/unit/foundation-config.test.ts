// loadConfig: defaults, parsing, and errors that name the offending variable.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      neo4jUri: undefined,
      neo4jUsername: 'neo4j',
      localPort: 7687,
      localData: '.data/neo4j',
      logLevel: 'info',
      cypherTimeoutMs: 10_000,
      cypherMaxRows: 1000,
      cypherMaxQueryChars: 20_000,
      pathsConcurrency: 4 * availableParallelism(),
      apiToken: undefined,
      corsOrigins: [],
      seedsDir: 'seeds',
    });
  });

  it('parses numbers, lists and URIs', () => {
    const config = loadConfig({
      PORT: '3100',
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_PASSWORD: 'secret',
      NEO4J_LOCAL_PORT: '7702',
      CORS_ORIGINS: 'http://a.example, http://b.example,',
      CYPHER_MAX_ROWS: '50',
    });
    expect(config.port).toBe(3100);
    expect(config.neo4jUri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(config.neo4jPassword).toBe('secret');
    expect(config.localPort).toBe(7702);
    expect(config.corsOrigins).toEqual(['http://a.example', 'http://b.example']);
    expect(config.cypherMaxRows).toBe(50);
  });

  it('treats empty optional values as unset', () => {
    const config = loadConfig({ NEO4J_URI: '', NEO4J_PASSWORD: '', API_TOKEN: ' ' });
    expect(config.neo4jUri).toBeUndefined();
    expect(config.neo4jPassword).toBeUndefined();
    expect(config.apiToken).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['NEO4J_LOCAL_PORT', '0'],
    ['NEO4J_URI', 'http://localhost:7474'],
    ['LOG_LEVEL', 'loud'],
    ['CYPHER_TIMEOUT_MS', '-5'],
    ['CYPHER_MAX_ROWS', '1.5'],
    ['NEO4J_LOCAL_HEAP', 'lots'],
  ])('names %s when it is %j', (variable, value) => {
    const err = configError({ [variable]: value });
    expect(err.name).toBe('ConfigError');
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(variable);
  });
});
